using Imi.Domain.Authorities;

namespace Imi.Infrastructure.Demo;

/// <summary>
/// The demo network of Development and the tests: believable authorities of seven countries,
/// their coordinators, and users in every role. Every demo user who has signed in before uses
/// <see cref="Password"/> and <see cref="SecurityCode"/>; the README lists them.
/// </summary>
public static class DemoNetwork
{
    public const string Password = "Demo-Password-2026";
    public const string SecurityCode = "246813579135";

    /// <summary>The newly registered authority whose first user has not signed in yet (for the setup wizard).</summary>
    public const string NewAuthorityKey = "ie-dental";
    public const string NewFirstUsername = "IE-AK-48213";

    public sealed record DemoAuthority(
        string Key, string Country, string Language, string OfficialTitle, string InformalTitle, string? Profile,
        AuthorityLevel Level, CoordinatorType Coordinator, string? CoordinatedBy, string[] Areas, string Email,
        string? City = null, string? Website = null, string? EnglishTitle = null, string? EnglishProfile = null,
        bool SetUp = true, string? Region = null);

    public sealed record DemoUser(
        string Username, string Authority, string Given, string Family, string Language, string Email,
        bool LocalDataAdministrator = false, bool AllRights = false, (string Area, Domain.Users.AreaRole Role)[]? Roles = null,
        bool Translator = false);

    private const string PQ = "PQ";
    private const string SV = "SERVICES";
    private static readonly string[] Both = [PQ, SV];

    public static IReadOnlyList<DemoAuthority> Authorities { get; } =
    [
        // The Commission hosts IMI and translates what authorities write.
        new("eu-commission", "BE", "en", "European Commission – Directorate-General for Internal Market, Industry, Entrepreneurship and SMEs",
            "European Commission: IMI team and translation", "Hosts and maintains IMI, translates authorities' descriptions into all EU languages and runs the central helpdesk.",
            AuthorityLevel.National, CoordinatorType.None, null, Both, "imi-helpdesk@commission.demo.eu", "Brussels"),
        // The Commission's IMI team: above every country's coordinators, registers NIMICs, keeps the keyword lists.
        new("eu-imi-team", "BE", "en", "European Commission – IMI team", "European Commission: IMI team",
            "Registers the national IMI coordinators, keeps the European keyword lists and runs the IMI helpdesk.",
            AuthorityLevel.National, CoordinatorType.Commission, null, Both, "imi-team@commission.demo.eu", "Brussels"),

        // Ireland
        new("ie-nimic", "IE", "en", "Department of Enterprise, Trade and Employment", "Irish national IMI coordinator",
            "Coordinates the use of IMI by Irish authorities for all legislative areas.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@enterprise.demo.ie", "Dublin", "https://enterprise.demo.ie"),
        new("ie-kings-inns", "IE", "en", "Honourable Society of King's Inns", "Professional body for admission of barristers",
            "Educates and admits barristers to the profession in Ireland; recognises qualifications of lawyers from other EEA countries seeking admission to the Irish bar.",
            AuthorityLevel.National, CoordinatorType.None, "ie-nimic", [PQ], "imi@kingsinns.demo.ie", "Dublin", "https://kingsinns.demo.ie"),
        new("ie-nursing", "IE", "en", "Nursing and Midwifery Board of Ireland", "Registration body for nurses and midwives",
            "Maintains the register of nurses and midwives in Ireland and assesses qualifications obtained abroad.",
            AuthorityLevel.National, CoordinatorType.None, "ie-nimic", [PQ], "imi@nmbi.demo.ie", "Dublin"),
        new("ie-cork-council", "IE", "en", "Cork City Council", "Local licensing of street trading and services in Cork",
            "Issues local licences for street trading, casual trading and events in the city of Cork.",
            AuthorityLevel.Local, CoordinatorType.None, "ie-nimic", [SV], "imi@corkcity.demo.ie", "Cork"),
        new(NewAuthorityKey, "IE", "en", "Dental Council of Ireland", "Registration body for dentists",
            null, AuthorityLevel.National, CoordinatorType.None, "ie-nimic", [PQ], "imi@dentalcouncil.demo.ie", "Dublin", SetUp: false),

        // Germany
        new("de-nimic", "DE", "de", "Bundesministerium für Wirtschaft und Energie", "Nationaler IMI-Koordinator Deutschland",
            "Koordiniert die Nutzung von IMI durch deutsche Behörden in allen Rechtsbereichen.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@bmwe.demo.de", "Berlin", null,
            "German national IMI coordinator", "Coordinates the use of IMI by German authorities in all legislative areas."),
        new("de-zab", "DE", "de", "Zentralstelle für ausländisches Bildungswesen", "Koordinator für Berufsqualifikationen",
            "Delegierter IMI-Koordinator für die Anerkennung von Berufsqualifikationen; bewertet ausländische Bildungsnachweise.",
            AuthorityLevel.National, CoordinatorType.Dimic, "de-nimic", [PQ], "imi@zab.demo.de", "Bonn", null,
            "Coordinator for professional qualifications", "Delegated IMI coordinator for the recognition of professional qualifications; evaluates foreign education credentials."),
        new("de-bavaria", "DE", "de", "Bayerisches Staatsministerium für Wirtschaft", "IMI-Koordinator Bayern",
            "Koordiniert IMI für alle Behörden in Bayern, in allen Rechtsbereichen.",
            AuthorityLevel.Regional, CoordinatorType.Sdimic, "de-nimic", Both, "imi@stmwi.demo.de", "München", null,
            "IMI coordinator for Bavaria", "Coordinates IMI for all authorities in Bavaria, in all legislative areas.", Region: "Bayern"),
        new("de-architects-by", "DE", "de", "Bayerische Architektenkammer", "Regionale Kammer der Architekten in Bayern",
            "Führt die Architektenliste in Bayern, prüft ausländische Qualifikationen von Architekten und Stadtplanern und überwacht die Berufspflichten.",
            AuthorityLevel.Regional, CoordinatorType.None, "de-bavaria", [PQ], "imi@byak.demo.de", "München", "https://byak.demo.de",
            "Regional chamber of architects in Bavaria", "Keeps the register of architects in Bavaria, checks foreign qualifications of architects and town planners and supervises professional duties."),
        new("de-ihk-munich", "DE", "de", "Industrie- und Handelskammer für München und Oberbayern", "Kammer für Gewerbe und Dienstleistungen in Oberbayern",
            "Zuständig für Gewerbeerlaubnisse bestimmter Dienstleistungen, etwa Versicherungsvermittler und Bewachungsgewerbe.",
            AuthorityLevel.Regional, CoordinatorType.None, "de-bavaria", [SV], "imi@ihk-muenchen.demo.de", "München", null,
            "Chamber for trade and services in Upper Bavaria", "Responsible for trade permits of certain services such as insurance intermediaries and security services."),
        new("de-hwk-munich", "DE", "de", "Handwerkskammer für München und Oberbayern", "Kammer für Handwerksbetriebe in Oberbayern",
            "Führt die Handwerksrolle, prüft Anzeigen grenzüberschreitend tätiger Handwerker und Dienstleister.",
            AuthorityLevel.Regional, CoordinatorType.None, "de-bavaria", [PQ, SV], "imi@hwk-muenchen.demo.de", "München", null,
            "Chamber of crafts in Upper Bavaria", "Keeps the register of craft businesses and checks notifications of craftspeople and service providers working across borders."),
        new("de-medical-berlin", "DE", "de", "Landesamt für Gesundheit und Soziales Berlin", "Approbationsbehörde für Ärzte in Berlin",
            "Erteilt die Approbation für Ärzte, Zahnärzte und Apotheker in Berlin.",
            AuthorityLevel.Regional, CoordinatorType.None, "de-zab", [PQ], "imi@lageso.demo.de", "Berlin"),

        // France
        new("fr-nimic", "FR", "fr", "Secrétariat général des affaires européennes", "Coordinateur national IMI pour la France",
            "Coordonne l'utilisation d'IMI par les autorités françaises.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@sgae.demo.fr", "Paris", null,
            "French national IMI coordinator", "Coordinates the use of IMI by French authorities."),
        new("fr-architects", "FR", "fr", "Conseil national de l'ordre des architectes", "Ordre professionnel des architectes",
            "Tient le tableau national des architectes et reconnaît les qualifications des architectes d'autres États.",
            AuthorityLevel.National, CoordinatorType.None, "fr-nimic", [PQ], "imi@architectes.demo.fr", "Paris"),
        new("fr-medecins", "FR", "fr", "Conseil national de l'ordre des médecins", "Ordre professionnel des médecins",
            "Inscrit les médecins au tableau de l'ordre et vérifie les qualifications des médecins venant d'autres États.",
            AuthorityLevel.National, CoordinatorType.None, "fr-nimic", [PQ], "imi@ordre-medecins.demo.fr", "Paris"),
        new("fr-cci-lyon", "FR", "fr", "Chambre de commerce et d'industrie Lyon Métropole", "Guichet des prestataires de services à Lyon",
            "Point de contact des entreprises de services de la région lyonnaise pour les autorisations et déclarations.",
            AuthorityLevel.Regional, CoordinatorType.None, "fr-nimic", [SV], "imi@cci-lyon.demo.fr", "Lyon"),
        new("fr-mairie-nice", "FR", "fr", "Ville de Nice", "Autorisations locales de commerce à Nice",
            "Délivre les autorisations d'occupation du domaine public et de commerce ambulant à Nice.",
            AuthorityLevel.Local, CoordinatorType.None, "fr-nimic", [SV], "imi@nice.demo.fr", "Nice"),

        // Portugal
        new("pt-nimic", "PT", "pt", "Direção-Geral das Atividades Económicas", "Coordenador nacional do IMI em Portugal",
            "Coordena a utilização do IMI pelas autoridades portuguesas.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@dgae.demo.pt", "Lisboa", null,
            "Portuguese national IMI coordinator", "Coordinates the use of IMI by Portuguese authorities."),
        new("pt-engineers", "PT", "pt", "Ordem dos Engenheiros", "Associação profissional dos engenheiros",
            "Regula o acesso à profissão de engenheiro e reconhece qualificações obtidas noutros Estados.",
            AuthorityLevel.National, CoordinatorType.None, "pt-nimic", [PQ], "imi@ordemengenheiros.demo.pt", "Lisboa"),
        new("pt-medicos", "PT", "pt", "Ordem dos Médicos", "Associação profissional dos médicos",
            "Inscreve os médicos e reconhece qualificações médicas obtidas noutros Estados.",
            AuthorityLevel.National, CoordinatorType.None, "pt-nimic", [PQ], "imi@ordemdosmedicos.demo.pt", "Lisboa"),
        new("pt-porto", "PT", "pt", "Câmara Municipal do Porto", "Licenciamento de atividades de serviços no Porto",
            "Licencia atividades económicas e de restauração no município do Porto.",
            AuthorityLevel.Local, CoordinatorType.None, "pt-nimic", [SV], "imi@cm-porto.demo.pt", "Porto"),

        // Poland
        new("pl-nimic", "PL", "pl", "Ministerstwo Rozwoju i Technologii", "Krajowy koordynator IMI w Polsce",
            "Koordynuje korzystanie z IMI przez polskie organy.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@mrit.demo.pl", "Warszawa"),
        new("pl-nurses-krakow", "PL", "pl", "Okręgowa Izba Pielęgniarek i Położnych w Krakowie", "Regionalna izba pielęgniarek w Krakowie",
            "Prowadzi rejestr pielęgniarek i położnych w regionie krakowskim.",
            AuthorityLevel.Regional, CoordinatorType.None, "pl-nimic", [PQ], "imi@oipip-krakow.demo.pl", "Kraków"),

        new("pl-architects", "PL", "pl", "Krajowa Izba Architektów RP", "Samorząd zawodowy architektów",
            "Prowadzi listę architektów i uznaje kwalifikacje architektów z innych państw.",
            AuthorityLevel.National, CoordinatorType.None, "pl-nimic", [PQ], "imi@izbaarchitektow.demo.pl", "Warszawa"),

        // Italy
        new("it-nimic", "IT", "it", "Dipartimento per le Politiche Europee", "Coordinatore nazionale IMI per l'Italia",
            "Coordina l'uso di IMI da parte delle autorità italiane.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@politicheeuropee.demo.it", "Roma"),
        new("it-lombardia", "IT", "it", "Regione Lombardia – Direzione Sviluppo Economico", "Autorità regionale per i servizi in Lombardia",
            "Autorizza le attività di servizi di competenza regionale in Lombardia.",
            AuthorityLevel.Regional, CoordinatorType.None, "it-nimic", [SV], "imi@regione-lombardia.demo.it", "Milano"),

        new("it-milano", "IT", "it", "Comune di Milano – Sportello Unico Attività Produttive", "Sportello comunale per le attività di servizi a Milano",
            "Riceve le segnalazioni di inizio attività e rilascia autorizzazioni comunali per i servizi a Milano.",
            AuthorityLevel.Local, CoordinatorType.None, "it-nimic", [SV], "imi@comune-milano.demo.it", "Milano"),

        // Spain
        new("es-nimic", "ES", "es", "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación", "Coordinador nacional de IMI en España",
            "Coordina el uso de IMI por las autoridades españolas.",
            AuthorityLevel.National, CoordinatorType.Nimic, null, Both, "imi@exteriores.demo.es", "Madrid"),
        new("es-abogados-madrid", "ES", "es", "Ilustre Colegio de la Abogacía de Madrid", "Colegio profesional de abogados de Madrid",
            "Colegia a los abogados de Madrid y reconoce títulos de abogados de otros Estados.",
            AuthorityLevel.Local, CoordinatorType.None, "es-nimic", [PQ], "imi@icam.demo.es", "Madrid"),
    ];

    /// <summary>Translations done by the Commission's translators (beyond the English ones above).</summary>
    public static IReadOnlyDictionary<string, (string Language, string Title, string Profile)[]> Translations { get; } =
        new Dictionary<string, (string, string, string)[]>
        {
            ["de-architects-by"] =
            [
                ("pt", "Câmara regional dos arquitetos da Baviera",
                    "Mantém o registo dos arquitetos na Baviera, verifica as qualificações estrangeiras de arquitetos e urbanistas e supervisiona os deveres profissionais."),
                ("fr", "Chambre régionale des architectes de Bavière",
                    "Tient le tableau des architectes en Bavière, vérifie les qualifications étrangères des architectes et urbanistes et veille aux devoirs professionnels."),
            ],
            ["de-medical-berlin"] =
            [
                ("pt", "Autoridade de autorização de médicos em Berlim", "Concede a autorização de exercício a médicos, dentistas e farmacêuticos em Berlim."),
            ],
            ["ie-kings-inns"] =
            [
                ("de", "Berufsorganisation für die Zulassung von Barristern", "Bildet Barrister aus und lässt sie in Irland zum Beruf zu."),
                ("pt", "Organismo profissional de admissão de advogados (barristers)", "Forma e admite barristers à profissão na Irlanda."),
            ],
        };

    /// <summary>The keywords each set-up demo authority chose (list code, keyword code).</summary>
    public static IReadOnlyDictionary<string, (string List, string Code)[]> Keywords { get; } = new Dictionary<string, (string, string)[]>
    {
        ["ie-kings-inns"] = [("NACE", "69"), ("POLICY_AREAS", "JUSTICE"), ("POLICY_AREAS", "PROFESSIONAL_REGULATION"), ("PQ_PROFESSIONS", "LAWYER")],
        ["ie-nursing"] = [("NACE", "86"), ("POLICY_AREAS", "PUBLIC_HEALTH"), ("PQ_PROFESSIONS", "NURSE_GENERAL_CARE"), ("PQ_PROFESSIONS", "MIDWIFE")],
        ["ie-cork-council"] = [("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("SERVICES_ACTIVITIES", "RETAIL_TRADE"), ("SERVICES_ACTIVITIES", "EVENT_ORGANISATION")],
        ["de-architects-by"] = [("NACE", "71"), ("POLICY_AREAS", "CONSTRUCTION_AND_URBAN_PLANNING"), ("PQ_PROFESSIONS", "ARCHITECT")],
        ["de-ihk-munich"] = [("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("SERVICES_ACTIVITIES", "BUSINESS_CONSULTANCY"), ("SERVICES_ACTIVITIES", "TRADE_FAIRS_AND_EXHIBITIONS")],
        ["de-hwk-munich"] = [("NACE", "43"), ("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("PQ_PROFESSIONS", "ELECTRICIAN"), ("PQ_PROFESSIONS", "PLUMBER"), ("SERVICES_ACTIVITIES", "CRAFT_SERVICES")],
        ["de-medical-berlin"] = [("NACE", "86"), ("POLICY_AREAS", "PUBLIC_HEALTH"), ("PQ_PROFESSIONS", "DOCTOR_OF_MEDICINE"), ("PQ_PROFESSIONS", "PHARMACIST")],
        ["fr-architects"] = [("NACE", "71"), ("POLICY_AREAS", "CONSTRUCTION_AND_URBAN_PLANNING"), ("PQ_PROFESSIONS", "ARCHITECT")],
        ["fr-medecins"] = [("NACE", "86"), ("POLICY_AREAS", "PUBLIC_HEALTH"), ("PQ_PROFESSIONS", "DOCTOR_OF_MEDICINE"), ("PQ_PROFESSIONS", "SPECIALIST_DOCTOR")],
        ["fr-cci-lyon"] = [("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("SERVICES_ACTIVITIES", "BUSINESS_CONSULTANCY")],
        ["fr-mairie-nice"] = [("POLICY_AREAS", "TOURISM"), ("SERVICES_ACTIVITIES", "RETAIL_TRADE"), ("SERVICES_ACTIVITIES", "RESTAURANTS_AND_CATERING")],
        ["pt-engineers"] = [("NACE", "71"), ("POLICY_AREAS", "PROFESSIONAL_REGULATION"), ("PQ_PROFESSIONS", "CIVIL_ENGINEER"), ("PQ_PROFESSIONS", "ELECTRICAL_ENGINEER")],
        ["pt-medicos"] = [("NACE", "86"), ("POLICY_AREAS", "PUBLIC_HEALTH"), ("PQ_PROFESSIONS", "DOCTOR_OF_MEDICINE")],
        ["pt-porto"] = [("POLICY_AREAS", "TOURISM"), ("SERVICES_ACTIVITIES", "RESTAURANTS_AND_CATERING"), ("SERVICES_ACTIVITIES", "HOTELS_AND_ACCOMMODATION")],
        ["pl-nurses-krakow"] = [("NACE", "86"), ("POLICY_AREAS", "PUBLIC_HEALTH"), ("PQ_PROFESSIONS", "NURSE_GENERAL_CARE")],
        ["pl-architects"] = [("NACE", "71"), ("PQ_PROFESSIONS", "ARCHITECT")],
        ["it-lombardia"] = [("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("SERVICES_ACTIVITIES", "TOURISM_SERVICES_AND_TRAVEL_AGENCIES")],
        ["it-milano"] = [("POLICY_AREAS", "TRADE_AND_INDUSTRY"), ("SERVICES_ACTIVITIES", "RETAIL_TRADE")],
        ["es-abogados-madrid"] = [("NACE", "69"), ("POLICY_AREAS", "JUSTICE"), ("PQ_PROFESSIONS", "LAWYER")],
    };

    private static (string, Domain.Users.AreaRole)[] R(params (string, Domain.Users.AreaRole)[] roles) => roles;
    private const Domain.Users.AreaRole Handler = Domain.Users.AreaRole.RequestHandler;
    private const Domain.Users.AreaRole Allocator = Domain.Users.AreaRole.Allocator;
    private const Domain.Users.AreaRole DataAdmin = Domain.Users.AreaRole.DataAdministrator;
    private const Domain.Users.AreaRole Referral = Domain.Users.AreaRole.ReferralHandler;

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("demo.translator", "eu-commission", "Elena", "Marinova", "en", "elena.marinova@commission.demo.eu", LocalDataAdministrator: true, Translator: true),
        new("demo.commission", "eu-imi-team", "Marta", "Lindqvist", "en", "marta.lindqvist@commission.demo.eu", AllRights: true),

        // The first users of the coordinators have every right.
        new("demo.ie.coordinator", "ie-nimic", "Siobhán", "Murphy", "en", "siobhan.murphy@enterprise.demo.ie", AllRights: true),
        new("demo.de.coordinator", "de-nimic", "Jürgen", "Weber", "de", "juergen.weber@bmwe.demo.de", AllRights: true),
        new("demo.de.zab", "de-zab", "Katrin", "Schulz", "de", "katrin.schulz@zab.demo.de", AllRights: true),
        new("demo.de.bavaria", "de-bavaria", "Markus", "Huber", "de", "markus.huber@stmwi.demo.de", AllRights: true),
        new("demo.fr.coordinator", "fr-nimic", "Claire", "Dubois", "fr", "claire.dubois@sgae.demo.fr", AllRights: true),
        new("demo.pt.coordinator", "pt-nimic", "João", "Silva", "pt", "joao.silva@dgae.demo.pt", AllRights: true),
        new("demo.pl.coordinator", "pl-nimic", "Anna", "Kowalska", "pl", "anna.kowalska@mrit.demo.pl", AllRights: true),
        new("demo.it.coordinator", "it-nimic", "Giulia", "Rossi", "it", "giulia.rossi@politicheeuropee.demo.it", AllRights: true),
        new("demo.es.coordinator", "es-nimic", "Carmen", "García", "es", "carmen.garcia@exteriores.demo.es", AllRights: true),
        // Coordinator staff with delegated coordinator roles.
        new("demo.de.dataadmin", "de-nimic", "Stefan", "Becker", "de", "stefan.becker@bmwe.demo.de", Roles: R((PQ, DataAdmin), (SV, DataAdmin))),
        new("demo.de.referrals", "de-nimic", "Petra", "Wagner", "de", "petra.wagner@bmwe.demo.de", Roles: R((PQ, Referral), (SV, Referral))),

        // King's Inns: the guide's own example.
        new("demo.ie.kingsinns", "ie-kings-inns", "Aoife", "Byrne", "en", "aoife.byrne@kingsinns.demo.ie", AllRights: true),
        new("demo.ie.handler", "ie-kings-inns", "Conor", "Walsh", "en", "conor.walsh@kingsinns.demo.ie", Roles: R((PQ, Handler))),
        new("demo.ie.basic", "ie-kings-inns", "Declan", "O'Brien", "en", "declan.obrien@kingsinns.demo.ie"),
        new("demo.ie.nursing", "ie-nursing", "Niamh", "Kelly", "en", "niamh.kelly@nmbi.demo.ie", AllRights: true),
        new("demo.ie.cork", "ie-cork-council", "Seán", "Ryan", "en", "sean.ryan@corkcity.demo.ie", AllRights: true),

        // German competent authorities: allocation and handlers.
        new("demo.de.architects", "de-architects-by", "Maximilian", "Bauer", "de", "maximilian.bauer@byak.demo.de", AllRights: true),
        new("demo.de.handler", "de-architects-by", "Lena", "Hoffmann", "de", "lena.hoffmann@byak.demo.de", Roles: R((PQ, Handler))),
        new("demo.de.handler2", "de-architects-by", "Tobias", "Fischer", "de", "tobias.fischer@byak.demo.de", Roles: R((PQ, Handler))),
        new("demo.de.allocator", "de-architects-by", "Sabine", "Koch", "de", "sabine.koch@byak.demo.de", Roles: R((PQ, Allocator))),
        new("demo.de.localadmin", "de-architects-by", "Jonas", "Richter", "de", "jonas.richter@byak.demo.de", LocalDataAdministrator: true),
        new("demo.de.ihk", "de-ihk-munich", "Andrea", "Schneider", "de", "andrea.schneider@ihk-muenchen.demo.de", AllRights: true),
        new("demo.de.lageso", "de-medical-berlin", "Thomas", "Neumann", "de", "thomas.neumann@lageso.demo.de", AllRights: true),

        // France
        new("demo.fr.architects", "fr-architects", "Julien", "Martin", "fr", "julien.martin@architectes.demo.fr", AllRights: true),
        new("demo.fr.handler", "fr-architects", "Camille", "Bernard", "fr", "camille.bernard@architectes.demo.fr", Roles: R((PQ, Handler))),
        new("demo.fr.lyon", "fr-cci-lyon", "Nicolas", "Petit", "fr", "nicolas.petit@cci-lyon.demo.fr", AllRights: true),
        new("demo.fr.nice", "fr-mairie-nice", "Sophie", "Laurent", "fr", "sophie.laurent@nice.demo.fr", AllRights: true),

        // Portugal
        new("demo.pt.engineers", "pt-engineers", "Inês", "Ferreira", "pt", "ines.ferreira@ordemengenheiros.demo.pt", AllRights: true),
        new("demo.pt.handler", "pt-engineers", "Rui", "Costa", "pt", "rui.costa@ordemengenheiros.demo.pt", Roles: R((PQ, Handler))),
        new("demo.pt.porto", "pt-porto", "Marta", "Santos", "pt", "marta.santos@cm-porto.demo.pt", AllRights: true),

        // Poland, Italy, Spain
        new("demo.pl.nurses", "pl-nurses-krakow", "Katarzyna", "Nowak", "pl", "katarzyna.nowak@oipip-krakow.demo.pl", AllRights: true),
        new("demo.it.lombardia", "it-lombardia", "Marco", "Bianchi", "it", "marco.bianchi@regione-lombardia.demo.it", AllRights: true),
        new("demo.es.abogados", "es-abogados-madrid", "Javier", "López", "es", "javier.lopez@icam.demo.es", AllRights: true),

        // The newly registered authority: registered by its coordinator, not signed in yet.
        new(NewFirstUsername, NewAuthorityKey, "Aisling", "Kennedy", "en", "aisling.kennedy@dentalcouncil.demo.ie", AllRights: true),
    ];
}
