namespace Imi.Infrastructure.Mail;

/// <summary>
/// The texts of system e-mails per language. English is the fallback for a language that has no
/// text yet. Alerts say that something happened and link to it; they never carry personal data of
/// an exchange, and the temporary-password e-mail never carries the username.
/// </summary>
public static class MailTemplates
{
    private sealed record TemporaryPasswordText(string Subject, string Greeting, string Body, string Next, string Username);

    private static readonly Dictionary<string, TemporaryPasswordText> TemporaryPassword = new()
    {
        ["en"] = new("Your temporary IMI password",
            "Hello {0},",
            "A temporary password has been set for your IMI account: {0}",
            "Sign in at {0} with it. You will then choose your own password and a 12-digit security code.",
            "For security reasons your username is not sent by e-mail: the person who registered you tells it to you in person or by phone."),
        ["de"] = new("Ihr vorläufiges IMI-Passwort",
            "Guten Tag {0},",
            "Für Ihr IMI-Konto wurde ein vorläufiges Passwort festgelegt: {0}",
            "Melden Sie sich damit unter {0} an. Danach wählen Sie Ihr eigenes Passwort und einen 12-stelligen Sicherheitscode.",
            "Aus Sicherheitsgründen wird Ihr Benutzername nicht per E-Mail versandt: Die Person, die Sie registriert hat, teilt ihn Ihnen persönlich oder telefonisch mit."),
        ["fr"] = new("Votre mot de passe provisoire IMI",
            "Bonjour {0},",
            "Un mot de passe provisoire a été défini pour votre compte IMI : {0}",
            "Connectez-vous avec celui-ci sur {0}. Vous choisirez ensuite votre propre mot de passe et un code de sécurité à 12 chiffres.",
            "Pour des raisons de sécurité, votre nom d'utilisateur n'est pas envoyé par courriel : la personne qui vous a enregistré vous le communique en personne ou par téléphone."),
        ["pt"] = new("A sua palavra-passe temporária do IMI",
            "Olá {0},",
            "Foi definida uma palavra-passe temporária para a sua conta IMI: {0}",
            "Inicie sessão com ela em {0}. Depois escolherá a sua própria palavra-passe e um código de segurança de 12 dígitos.",
            "Por razões de segurança, o seu nome de utilizador não é enviado por correio eletrónico: a pessoa que o registou comunica-lho pessoalmente ou por telefone."),
        ["ga"] = new("Do phasfhocal sealadach IMI",
            "Dia duit {0},",
            "Socraíodh pasfhocal sealadach do do chuntas IMI: {0}",
            "Sínigh isteach leis ag {0}. Ansin roghnóidh tú do phasfhocal féin agus cód slándála 12 dhigit.",
            "Ar chúiseanna slándála ní sheoltar d'ainm úsáideora trí ríomhphost: inseoidh an duine a chláraigh thú duit é go pearsanta nó ar an bhfón."),
    };

    public static MailMessageContent TemporaryPasswordMail(string languageCode, string displayName, string temporaryPassword, string signInUrl)
    {
        var t = TemporaryPassword.GetValueOrDefault(languageCode) ?? TemporaryPassword["en"];
        var body = string.Join("\n\n",
            string.Format(t.Greeting, displayName),
            string.Format(t.Body, temporaryPassword),
            string.Format(t.Next, signInUrl),
            t.Username,
            "IMI");
        return new MailMessageContent(t.Subject, body, Secret: temporaryPassword);
    }

    private static readonly Dictionary<string, (string Subject, string Body)> Reminder = new()
    {
        ["en"] = ("Please sign in to IMI",
            "Hello {0},\n\nYou were registered in IMI for {1}, but have not signed in yet. Please sign in at {2} with the username you were told and the temporary password you received by e-mail. If you no longer have either, ask your local data administrator.\n\nIMI"),
        ["de"] = ("Bitte melden Sie sich bei IMI an",
            "Guten Tag {0},\n\nSie wurden in IMI für {1} registriert, haben sich aber noch nicht angemeldet. Bitte melden Sie sich unter {2} mit dem Ihnen mitgeteilten Benutzernamen und dem per E-Mail erhaltenen vorläufigen Passwort an. Fehlt Ihnen eines davon, wenden Sie sich an Ihren lokalen Datenadministrator.\n\nIMI"),
        ["fr"] = ("Veuillez vous connecter à IMI",
            "Bonjour {0},\n\nVous avez été enregistré dans IMI pour {1}, mais ne vous êtes pas encore connecté. Connectez-vous sur {2} avec le nom d'utilisateur qui vous a été communiqué et le mot de passe provisoire reçu par courriel. S'il vous manque l'un des deux, adressez-vous à votre administrateur local des données.\n\nIMI"),
        ["pt"] = ("Inicie sessão no IMI",
            "Olá {0},\n\nFoi registado no IMI para {1}, mas ainda não iniciou sessão. Inicie sessão em {2} com o nome de utilizador que lhe foi comunicado e a palavra-passe temporária recebida por correio eletrónico. Se não tiver algum deles, contacte o seu administrador local de dados.\n\nIMI"),
    };

    /// <summary>A nudge to a registered user who has not signed in yet (step 12): no username, no password.</summary>
    public static MailMessageContent SignInReminderMail(string languageCode, string displayName, string authorityTitle, string signInUrl)
    {
        var (subject, body) = Reminder.GetValueOrDefault(languageCode, Reminder["en"]);
        return new MailMessageContent(subject, string.Format(body, displayName, authorityTitle, signInUrl));
    }

    /// <summary>To a coordinator: an authority it coordinates misses a keyword (steps 2 and 3).</summary>
    public static MailMessageContent KeywordRequestMail(string authorityTitle, string countryCode, string listName, string proposal, string requestedBy) =>
        new($"Keyword requested by {authorityTitle}",
            $"{requestedBy} of {authorityTitle} ({countryCode}) could not find a fitting keyword in the list \"{listName}\" and asks you to have it added:\n\n" +
            $"    {proposal}\n\nIf it should be added, forward the request to the Commission, which maintains the keyword lists.\n\nIMI");
}
