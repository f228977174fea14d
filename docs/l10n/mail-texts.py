#!/usr/bin/env python3
"""Builds Imi.Infrastructure/Localization/Texts/Mail/{language}.json (issue 10, point 4: one mail mechanism).

Converts the two old sources, keeping their wording, as they were at commit cc15ee3:
  - Imi.Infrastructure/Mail/Templates/request-alerts.json (request alerts, 26 languages; the footer split
    into its three paragraphs: Alert.OpenRequest, Alert.NoPersonalData, Common.Signature);
  - Imi.Infrastructure/Mail/MailTemplates.cs (temporary password: en de fr pt ga; sign-in reminder: en de fr pt;
    keyword request: English only), with the positional placeholders renamed ({0} -> {name}, {password}, {link}…);
and adds the translations those e-mails lacked (NEW below, written for issue 10 following docs/glossary.json).

Run from the repository root: python3 docs/l10n/mail-texts.py
"""
import json
import os
import re
import subprocess

SOURCE_COMMIT = "cc15ee3"
OUT = "Imi.Infrastructure/Localization/Texts/Mail"
LANGUAGES = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is",
             "it", "lt", "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv"]
ALERTS = ["NewRequest", "Allocated", "ApprovalNeeded", "ReplyApprovalNeeded", "SentBack", "ReplySentBack", "Accepted",
          "AnswerDateProposed", "ClarificationAsked", "Clarified", "ReplyReceived", "AdditionalInformationAsked",
          "AdditionalInformationDeclined", "ReferralOpened", "ReferralClosed", "ReplyAccepted", "Forwarded",
          "AnswerDateNear", "AnswerDatePassed"]


def git_show(path):
    return subprocess.run(["git", "show", f"{SOURCE_COMMIT}:{path}"], check=True, capture_output=True, text=True).stdout


def cs_strings(text):
    """The C# string literals of a fragment, unescaped."""
    return [json.loads('"' + s + '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', text)]


def mail_templates():
    """{language: {"tp": [subject, greeting, body, next, username], "reminder": [subject, body]}} from MailTemplates.cs."""
    source = git_show("Imi.Infrastructure/Mail/MailTemplates.cs")
    tp_block = source[source.index("TemporaryPassword = new()"):source.index("public static MailMessageContent TemporaryPasswordMail")]
    reminder_block = source[source.index("Reminder = new()"):source.index("/// <summary>A nudge")]
    result = {}
    for block, name in ((tp_block, "tp"), (reminder_block, "reminder")):
        for language, body in re.findall(r'\["(\w+)"\] = (?:new)?\((.*?)\),\n', block, re.S):
            result.setdefault(language, {})[name] = cs_strings(body)
    return result


# The texts the old mechanisms did not have in a language (written for issue 10).
NEW = {
    "en": {
        "KeywordRequest": {
            "Subject": "Keyword requested by {authority}",
            "Body": "{person} of {authority} ({country}) could not find a fitting keyword in the list \"{list}\" and asks you to have it added:",
            "Forward": "If it should be added, forward the request to the Commission, which maintains the keyword lists.",
        },
    },
    "bg": {
        "Greeting": "Здравейте, {name},",
        "TemporaryPassword": {
            "Subject": "Вашата временна парола за IMI",
            "Body": "За Вашия профил в IMI е зададена временна парола: {password}",
            "SignIn": "Влезте с нея на адрес {link}. След това ще изберете своя собствена парола и 12-цифрен код за сигурност.",
            "Username": "От съображения за сигурност потребителското Ви име не се изпраща по електронна поща: лицето, което Ви е регистрирало, ще Ви го съобщи лично или по телефона.",
        },
        "SignInReminder": {
            "Subject": "Моля, влезте в IMI",
            "Body": "Регистрирани сте в IMI за {authority}, но все още не сте влизали в системата. Моля, влезте на адрес {link} с потребителското име, което Ви е съобщено, и с временната парола, получена по електронна поща. Ако нямате някое от двете, обърнете се към Вашия местен администратор на данни.",
        },
        "KeywordRequest": {
            "Subject": "Искане за ключова дума от {authority}",
            "Body": "{person} от {authority} ({country}) не откри подходяща ключова дума в списъка „{list}“ и Ви моли тя да бъде добавена:",
            "Forward": "Ако ключовата дума следва да бъде добавена, препратете искането до Комисията, която поддържа списъците с ключови думи.",
        },
    },
    "cs": {
        "Greeting": "Dobrý den, {name},",
        "TemporaryPassword": {
            "Subject": "Vaše dočasné heslo do IMI",
            "Body": "Pro Váš účet v IMI bylo nastaveno dočasné heslo: {password}",
            "SignIn": "Přihlaste se s ním na adrese {link}. Poté si zvolíte vlastní heslo a dvanáctimístný bezpečnostní kód.",
            "Username": "Z bezpečnostních důvodů se Vaše uživatelské jméno nezasílá e-mailem: sdělí Vám ho osobně nebo telefonicky osoba, která Vás zaregistrovala.",
        },
        "SignInReminder": {
            "Subject": "Přihlaste se prosím do IMI",
            "Body": "Byl(a) jste zaregistrován(a) v IMI za orgán {authority}, ale dosud jste se nepřihlásil(a). Přihlaste se prosím na adrese {link} uživatelským jménem, které Vám bylo sděleno, a dočasným heslem, které jste obdržel(a) e-mailem. Pokud některé z nich již nemáte, obraťte se na svého místního správce dat.",
        },
        "KeywordRequest": {
            "Subject": "Žádost o klíčové slovo – {authority}",
            "Body": "{person} z orgánu {authority} ({country}) nenašel(a) v seznamu „{list}“ vhodné klíčové slovo a žádá Vás o zajištění jeho doplnění:",
            "Forward": "Má-li být klíčové slovo doplněno, předejte žádost Komisi, která seznamy klíčových slov spravuje.",
        },
    },
    "da": {
        "Greeting": "Kære {name}",
        "TemporaryPassword": {
            "Subject": "Din midlertidige adgangskode til IMI",
            "Body": "Der er oprettet en midlertidig adgangskode til din IMI-konto: {password}",
            "SignIn": "Log ind med den på {link}. Derefter vælger du din egen adgangskode og en 12-cifret sikkerhedskode.",
            "Username": "Af sikkerhedshensyn sendes dit brugernavn ikke pr. e-mail: Den person, der har registreret dig, oplyser dig om det personligt eller pr. telefon.",
        },
        "SignInReminder": {
            "Subject": "Log venligst ind i IMI",
            "Body": "Du er registreret i IMI for {authority}, men har endnu ikke logget ind. Log venligst ind på {link} med det brugernavn, du har fået oplyst, og den midlertidige adgangskode, du har modtaget pr. e-mail. Hvis du ikke længere har et af dem, skal du henvende dig til din lokale dataadministrator.",
        },
        "KeywordRequest": {
            "Subject": "Anmodning om nøgleord fra {authority}",
            "Body": "{person} fra {authority} ({country}) kunne ikke finde et passende nøgleord på listen »{list}« og beder jer om at få det tilføjet:",
            "Forward": "Hvis nøgleordet skal tilføjes, bedes I videresende anmodningen til Kommissionen, som vedligeholder listerne over nøgleord.",
        },
    },
    "de": {
        "KeywordRequest": {
            "Subject": "Neues Stichwort erbeten von {authority}",
            "Body": "{person} von {authority} ({country}) hat in der Liste „{list}“ kein passendes Stichwort gefunden und bittet Sie, es aufnehmen zu lassen:",
            "Forward": "Soll es aufgenommen werden, leiten Sie die Bitte an die Kommission weiter, die die Stichwortlisten pflegt.",
        },
    },
    "el": {
        "Greeting": "Χαίρετε, {name},",
        "TemporaryPassword": {
            "Subject": "Ο προσωρινός κωδικός πρόσβασής σας στο IMI",
            "Body": "Ορίστηκε προσωρινός κωδικός πρόσβασης για τον λογαριασμό σας στο IMI: {password}",
            "SignIn": "Συνδεθείτε με αυτόν στη διεύθυνση {link}. Στη συνέχεια θα επιλέξετε τον δικό σας κωδικό πρόσβασης και έναν δωδεκαψήφιο κωδικό ασφαλείας.",
            "Username": "Για λόγους ασφαλείας, το όνομα χρήστη σας δεν αποστέλλεται με ηλεκτρονικό ταχυδρομείο: το πρόσωπο που σας καταχώρισε θα σας το γνωστοποιήσει αυτοπροσώπως ή τηλεφωνικά.",
        },
        "SignInReminder": {
            "Subject": "Παρακαλείσθε να συνδεθείτε στο IMI",
            "Body": "Έχετε καταχωριστεί στο IMI για την αρχή {authority}, αλλά δεν έχετε συνδεθεί ακόμη. Παρακαλείσθε να συνδεθείτε στη διεύθυνση {link} με το όνομα χρήστη που σας γνωστοποιήθηκε και τον προσωρινό κωδικό πρόσβασης που λάβατε με ηλεκτρονικό ταχυδρομείο. Αν δεν διαθέτετε πλέον κάποιο από τα δύο, απευθυνθείτε στον τοπικό διαχειριστή δεδομένων σας.",
        },
        "KeywordRequest": {
            "Subject": "Αίτηση για λέξη-κλειδί από την αρχή {authority}",
            "Body": "Ο/Η {person} της αρχής {authority} ({country}) δεν βρήκε κατάλληλη λέξη-κλειδί στον κατάλογο «{list}» και σας ζητεί να μεριμνήσετε για την προσθήκη της:",
            "Forward": "Εάν πρέπει να προστεθεί, διαβιβάστε την αίτηση στην Επιτροπή, η οποία τηρεί τους καταλόγους λέξεων-κλειδιών.",
        },
    },
    "es": {
        "Greeting": "Estimado/a {name}:",
        "TemporaryPassword": {
            "Subject": "Su contraseña temporal de IMI",
            "Body": "Se ha establecido una contraseña temporal para su cuenta de IMI: {password}",
            "SignIn": "Inicie sesión con ella en {link}. A continuación elegirá su propia contraseña y un código de seguridad de 12 dígitos.",
            "Username": "Por motivos de seguridad, su nombre de usuario no se envía por correo electrónico: la persona que le registró se lo comunicará en persona o por teléfono.",
        },
        "SignInReminder": {
            "Subject": "Inicie sesión en IMI",
            "Body": "Ha sido registrado/a en IMI para {authority}, pero todavía no ha iniciado sesión. Inicie sesión en {link} con el nombre de usuario que se le comunicó y la contraseña temporal que recibió por correo electrónico. Si ya no dispone de alguno de ellos, diríjase a su administrador local de datos.",
        },
        "KeywordRequest": {
            "Subject": "Solicitud de palabra clave de {authority}",
            "Body": "{person}, de {authority} ({country}), no ha encontrado una palabra clave adecuada en la lista «{list}» y le pide que gestione su incorporación:",
            "Forward": "Si procede añadirla, reenvíe la solicitud a la Comisión, que mantiene las listas de palabras clave.",
        },
    },
    "et": {
        "Greeting": "Lugupeetud {name}",
        "TemporaryPassword": {
            "Subject": "Teie ajutine IMI parool",
            "Body": "Teie IMI kontole on määratud ajutine parool: {password}",
            "SignIn": "Logige sellega sisse aadressil {link}. Seejärel valite oma parooli ja 12-kohalise turvakoodi.",
            "Username": "Turvakaalutlustel ei saadeta Teie kasutajanime e-postiga: selle teatab Teile isiklikult või telefoni teel isik, kes Teid registreeris.",
        },
        "SignInReminder": {
            "Subject": "Palun logige IMI süsteemi sisse",
            "Body": "Teid on IMI süsteemis registreeritud asutuse {authority} kasutajaks, kuid Te ei ole veel sisse loginud. Palun logige sisse aadressil {link}, kasutades Teile teatatud kasutajanime ja e-postiga saadud ajutist parooli. Kui Teil ei ole enam üht neist, pöörduge oma kohaliku andmehalduri poole.",
        },
        "KeywordRequest": {
            "Subject": "Märksõna taotlus asutuselt {authority}",
            "Body": "{person} asutusest {authority} ({country}) ei leidnud loetelust „{list}“ sobivat märksõna ja palub Teil korraldada selle lisamine:",
            "Forward": "Kui märksõna tuleks lisada, edastage taotlus komisjonile, kes märksõnade loetelusid haldab.",
        },
    },
    "fi": {
        "Greeting": "Hyvä {name}",
        "TemporaryPassword": {
            "Subject": "Tilapäinen IMI-salasanasi",
            "Body": "IMI-käyttäjätilillesi on asetettu tilapäinen salasana: {password}",
            "SignIn": "Kirjaudu sillä sisään osoitteessa {link}. Sen jälkeen valitset oman salasanan ja 12-numeroisen turvakoodin.",
            "Username": "Käyttäjätunnustasi ei turvallisuussyistä lähetetä sähköpostitse: sinut rekisteröinyt henkilö kertoo sen sinulle henkilökohtaisesti tai puhelimitse.",
        },
        "SignInReminder": {
            "Subject": "Kirjaudu IMI-järjestelmään",
            "Body": "Sinut on rekisteröity IMI-järjestelmään viranomaisen {authority} käyttäjäksi, mutta et ole vielä kirjautunut. Kirjaudu osoitteessa {link} sinulle kerrotulla käyttäjätunnuksella ja sähköpostitse saamallasi tilapäisellä salasanalla. Jos sinulla ei enää ole jompaakumpaa, ota yhteyttä paikalliseen tietojen ylläpitäjään.",
        },
        "KeywordRequest": {
            "Subject": "Avainsanapyyntö viranomaiselta {authority}",
            "Body": "{person} viranomaisesta {authority} ({country}) ei löytänyt sopivaa avainsanaa luettelosta ”{list}” ja pyytää teitä huolehtimaan sen lisäämisestä:",
            "Forward": "Jos avainsana on lisättävä, välittäkää pyyntö komissiolle, joka ylläpitää avainsanaluetteloita.",
        },
    },
    "fr": {
        "KeywordRequest": {
            "Subject": "Mot-clé demandé par {authority}",
            "Body": "{person}, de {authority} ({country}), n'a pas trouvé de mot-clé approprié dans la liste «\u00a0{list}\u00a0» et vous demande de le faire ajouter\u00a0:",
            "Forward": "S'il doit être ajouté, transmettez la demande à la Commission, qui tient à jour les listes de mots-clés.",
        },
    },
    "ga": {
        "SignInReminder": {
            "Subject": "Sínigh isteach in IMI, le do thoil",
            "Body": "Cláraíodh thú in IMI do {authority}, ach níor shínigh tú isteach fós. Sínigh isteach ag {link}, le do thoil, leis an ainm úsáideora a insíodh duit agus leis an bpasfhocal sealadach a fuair tú trí ríomhphost. Mura bhfuil ceann acu agat a thuilleadh, téigh i dteagmháil le do riarthóir áitiúil sonraí.",
        },
        "KeywordRequest": {
            "Subject": "Eochairfhocal iarrtha ag {authority}",
            "Body": "Níor aimsigh {person} ó {authority} ({country}) eochairfhocal oiriúnach sa liosta “{list}” agus iarrtar oraibh socrú a dhéanamh go gcuirfear leis é:",
            "Forward": "Más ceart é a chur leis, cuir an iarraidh ar aghaidh chuig an gCoimisiún, a choimeádann na liostaí eochairfhocal.",
        },
    },
    "hr": {
        "Greeting": "Poštovani/Poštovana {name},",
        "TemporaryPassword": {
            "Subject": "Vaša privremena lozinka za IMI",
            "Body": "Za Vaš korisnički račun u sustavu IMI postavljena je privremena lozinka: {password}",
            "SignIn": "Prijavite se njome na adresi {link}. Nakon toga odabrat ćete vlastitu lozinku i dvanaesteroznamenkasti sigurnosni kod.",
            "Username": "Iz sigurnosnih razloga Vaše korisničko ime ne šalje se e-poštom: osoba koja Vas je registrirala priopćit će Vam ga osobno ili telefonom.",
        },
        "SignInReminder": {
            "Subject": "Molimo prijavite se u sustav IMI",
            "Body": "Registrirani ste u sustavu IMI za tijelo {authority}, ali se još niste prijavili. Molimo prijavite se na adresi {link} korisničkim imenom koje Vam je priopćeno i privremenom lozinkom koju ste primili e-poštom. Ako više nemate jedno od njih, obratite se svojem lokalnom administratoru podataka.",
        },
        "KeywordRequest": {
            "Subject": "Zahtjev za ključnu riječ – {authority}",
            "Body": "{person} iz tijela {authority} ({country}) nije pronašao/pronašla odgovarajuću ključnu riječ na popisu „{list}“ i moli Vas da se ona doda:",
            "Forward": "Ako je treba dodati, proslijedite zahtjev Komisiji, koja održava popise ključnih riječi.",
        },
    },
    "hu": {
        "Greeting": "Tisztelt {name}!",
        "TemporaryPassword": {
            "Subject": "Ideiglenes IMI-jelszava",
            "Body": "IMI-fiókjához ideiglenes jelszót állítottunk be: {password}",
            "SignIn": "Ezzel jelentkezzen be a következő címen: {link}. Ezt követően megadja saját jelszavát és egy 12 számjegyű biztonsági kódot.",
            "Username": "Biztonsági okokból felhasználónevét nem küldjük el e-mailben: azt az Önt regisztráló személy személyesen vagy telefonon közli Önnel.",
        },
        "SignInReminder": {
            "Subject": "Kérjük, jelentkezzen be az IMI-be",
            "Body": "Önt regisztrálták az IMI-ben a(z) {authority} felhasználójaként, de még nem jelentkezett be. Kérjük, jelentkezzen be a következő címen: {link}, az Önnel közölt felhasználónévvel és az e-mailben kapott ideiglenes jelszóval. Ha ezek valamelyike már nincs meg, forduljon a helyi adatadminisztrátorhoz.",
        },
        "KeywordRequest": {
            "Subject": "Kulcsszó felvételét kéri: {authority}",
            "Body": "{person} ({authority}, {country}) nem talált megfelelő kulcsszót a(z) „{list}” listában, és kéri, hogy gondoskodjanak a felvételéről:",
            "Forward": "Ha a kulcsszót fel kell venni, továbbítsa a kérést a Bizottságnak, amely a kulcsszólistákat kezeli.",
        },
    },
    "is": {
        "Greeting": "Góðan dag {name},",
        "TemporaryPassword": {
            "Subject": "Tímabundið lykilorð þitt í IMI",
            "Body": "Tímabundið lykilorð hefur verið stillt fyrir IMI-aðganginn þinn: {password}",
            "SignIn": "Skráðu þig inn með því á {link}. Síðan velur þú þér eigið lykilorð og 12 stafa öryggiskóða.",
            "Username": "Af öryggisástæðum er notandanafn þitt ekki sent með tölvupósti: sá sem skráði þig gefur þér það upp í eigin persónu eða í síma.",
        },
        "SignInReminder": {
            "Subject": "Vinsamlegast skráðu þig inn í IMI",
            "Body": "Þú hefur verið skráð(ur) í IMI fyrir {authority} en hefur ekki enn skráð þig inn. Vinsamlegast skráðu þig inn á {link} með notandanafninu sem þér var gefið upp og tímabundna lykilorðinu sem þú fékkst í tölvupósti. Ef þú hefur ekki lengur annað hvort þeirra skaltu hafa samband við staðbundinn gagnastjóra þinn.",
        },
        "KeywordRequest": {
            "Subject": "Beiðni um leitarorð frá {authority}",
            "Body": "{person} hjá {authority} ({country}) fann ekki viðeigandi leitarorð í listanum „{list}“ og biður ykkur um að láta bæta því við:",
            "Forward": "Ef bæta á því við skal framsenda beiðnina til framkvæmdastjórnarinnar, sem heldur utan um leitarorðalistana.",
        },
    },
    "it": {
        "Greeting": "Gentile {name},",
        "TemporaryPassword": {
            "Subject": "La sua password temporanea IMI",
            "Body": "È stata impostata una password temporanea per il suo account IMI: {password}",
            "SignIn": "Acceda con tale password all'indirizzo {link}. Sceglierà poi la sua password personale e un codice di sicurezza di 12 cifre.",
            "Username": "Per motivi di sicurezza il suo nome utente non viene inviato per e-mail: la persona che ha effettuato la sua registrazione glielo comunicherà di persona o per telefono.",
        },
        "SignInReminder": {
            "Subject": "La preghiamo di accedere a IMI",
            "Body": "Risulta registrato/a in IMI per {authority}, ma non ha ancora effettuato l'accesso. La preghiamo di accedere all'indirizzo {link} con il nome utente che le è stato comunicato e la password temporanea ricevuta per e-mail. Se non dispone più di uno dei due, si rivolga al suo amministratore locale dei dati.",
        },
        "KeywordRequest": {
            "Subject": "Parola chiave richiesta da {authority}",
            "Body": "{person} di {authority} ({country}) non ha trovato una parola chiave adeguata nell'elenco «{list}» e chiede di farla aggiungere:",
            "Forward": "Se deve essere aggiunta, inoltrare la richiesta alla Commissione, che gestisce gli elenchi delle parole chiave.",
        },
    },
    "lt": {
        "Greeting": "Laba diena, {name},",
        "TemporaryPassword": {
            "Subject": "Jūsų laikinasis IMI slaptažodis",
            "Body": "Jūsų IMI paskyrai nustatytas laikinasis slaptažodis: {password}",
            "SignIn": "Prisijunkite su juo adresu {link}. Tada pasirinksite savo slaptažodį ir 12 skaitmenų saugos kodą.",
            "Username": "Saugumo sumetimais Jūsų naudotojo vardas el. paštu nesiunčiamas: jį Jums asmeniškai arba telefonu praneš Jus užregistravęs asmuo.",
        },
        "SignInReminder": {
            "Subject": "Prašome prisijungti prie IMI",
            "Body": "Esate užregistruotas (-a) IMI sistemoje kaip institucijos {authority} naudotojas, tačiau dar neprisijungėte. Prašome prisijungti adresu {link} naudojant Jums praneštą naudotojo vardą ir el. paštu gautą laikinąjį slaptažodį. Jei kurio nors iš jų nebeturite, kreipkitės į savo vietos duomenų administratorių.",
        },
        "KeywordRequest": {
            "Subject": "Institucijos {authority} prašymas dėl raktinio žodžio",
            "Body": "{person} iš institucijos {authority} ({country}) sąraše „{list}“ nerado tinkamo raktinio žodžio ir prašo Jūsų pasirūpinti, kad jis būtų įtrauktas:",
            "Forward": "Jei jį reikia įtraukti, persiųskite prašymą Komisijai, kuri tvarko raktinių žodžių sąrašus.",
        },
    },
    "lv": {
        "Greeting": "Labdien, {name}!",
        "TemporaryPassword": {
            "Subject": "Jūsu IMI pagaidu parole",
            "Body": "Jūsu IMI kontam ir iestatīta pagaidu parole: {password}",
            "SignIn": "Piesakieties ar to vietnē {link}. Pēc tam izvēlēsieties savu paroli un 12 ciparu drošības kodu.",
            "Username": "Drošības apsvērumu dēļ Jūsu lietotājvārds netiek sūtīts pa e-pastu: persona, kas Jūs reģistrēja, to Jums paziņos personīgi vai pa tālruni.",
        },
        "SignInReminder": {
            "Subject": "Lūdzu, piesakieties IMI sistēmā",
            "Body": "Jūs esat reģistrēts IMI sistēmā kā iestādes {authority} lietotājs, bet vēl neesat pieteicies. Lūdzu, piesakieties vietnē {link} ar Jums paziņoto lietotājvārdu un pa e-pastu saņemto pagaidu paroli. Ja Jums vairs nav kāda no tiem, vērsieties pie sava vietējā datu administratora.",
        },
        "KeywordRequest": {
            "Subject": "Atslēgvārda pieprasījums no iestādes {authority}",
            "Body": "{person} no iestādes {authority} ({country}) sarakstā „{list}“ neatrada piemērotu atslēgvārdu un lūdz Jūs nodrošināt tā pievienošanu:",
            "Forward": "Ja tas jāpievieno, pārsūtiet pieprasījumu Komisijai, kas uztur atslēgvārdu sarakstus.",
        },
    },
    "mt": {
        "Greeting": "Għażiż/a {name},",
        "TemporaryPassword": {
            "Subject": "Il-password temporanja tiegħek tal-IMI",
            "Body": "Ġiet issettjata password temporanja għall-kont tiegħek tal-IMI: {password}",
            "SignIn": "Idħol biha fuq {link}. Imbagħad tagħżel il-password tiegħek u kodiċi tas-sigurtà ta' 12-il ċifra.",
            "Username": "Għal raġunijiet ta' sigurtà, l-isem tal-utent tiegħek ma jintbagħatx bil-posta elettronika: il-persuna li rreġistratek tgħidhulek personalment jew bit-telefon.",
        },
        "SignInReminder": {
            "Subject": "Jekk jogħġbok idħol fl-IMI",
            "Body": "Ġejt irreġistrat/a fl-IMI għal {authority}, iżda għadek ma dħaltx. Jekk jogħġbok idħol fuq {link} bl-isem tal-utent li ngħatalek u bil-password temporanja li rċevejt bil-posta elettronika. Jekk m'għadekx għandek waħda minnhom, kellem lill-amministratur lokali tad-data tiegħek.",
        },
        "KeywordRequest": {
            "Subject": "Kelma ewlenija mitluba minn {authority}",
            "Body": "{person} ta' {authority} ({country}) ma sab l-ebda kelma ewlenija xierqa fil-lista “{list}” u qed jitlob li tiżdied:",
            "Forward": "Jekk għandha tiżdied, għaddi t-talba lill-Kummissjoni, li żżomm il-listi tal-kliem ewlieni.",
        },
    },
    "nl": {
        "Greeting": "Beste {name},",
        "TemporaryPassword": {
            "Subject": "Uw tijdelijke IMI-wachtwoord",
            "Body": "Voor uw IMI-account is een tijdelijk wachtwoord ingesteld: {password}",
            "SignIn": "Meld u daarmee aan op {link}. Daarna kiest u uw eigen wachtwoord en een beveiligingscode van 12 cijfers.",
            "Username": "Om veiligheidsredenen wordt uw gebruikersnaam niet per e-mail verstuurd: de persoon die u heeft geregistreerd, deelt hem u persoonlijk of telefonisch mee.",
        },
        "SignInReminder": {
            "Subject": "Meld u aan bij IMI",
            "Body": "U bent in IMI geregistreerd voor {authority}, maar hebt zich nog niet aangemeld. Meld u aan op {link} met de gebruikersnaam die u is meegedeeld en het tijdelijke wachtwoord dat u per e-mail hebt ontvangen. Als u een van beide niet meer hebt, neem dan contact op met uw lokale gegevensbeheerder.",
        },
        "KeywordRequest": {
            "Subject": "Trefwoord aangevraagd door {authority}",
            "Body": "{person} van {authority} ({country}) heeft in de lijst \"{list}\" geen passend trefwoord gevonden en vraagt u het te laten toevoegen:",
            "Forward": "Als het moet worden toegevoegd, stuur het verzoek dan door naar de Commissie, die de trefwoordenlijsten beheert.",
        },
    },
    "no": {
        "Greeting": "Hei {name},",
        "TemporaryPassword": {
            "Subject": "Ditt midlertidige IMI-passord",
            "Body": "Det er satt et midlertidig passord for IMI-kontoen din: {password}",
            "SignIn": "Logg inn med det på {link}. Deretter velger du ditt eget passord og en 12-sifret sikkerhetskode.",
            "Username": "Av sikkerhetshensyn sendes ikke brukernavnet ditt på e-post: Personen som registrerte deg, gir deg det personlig eller på telefon.",
        },
        "SignInReminder": {
            "Subject": "Vennligst logg inn i IMI",
            "Body": "Du er registrert i IMI for {authority}, men har ikke logget inn ennå. Logg inn på {link} med brukernavnet du har fått oppgitt, og det midlertidige passordet du har mottatt på e-post. Hvis du ikke lenger har ett av dem, kontakt din lokale dataadministrator.",
        },
        "KeywordRequest": {
            "Subject": "Nøkkelord etterspurt av {authority}",
            "Body": "{person} fra {authority} ({country}) fant ikke et passende nøkkelord i listen «{list}» og ber dere sørge for at det blir lagt til:",
            "Forward": "Hvis det skal legges til, videresend anmodningen til Kommisjonen, som vedlikeholder nøkkelordlistene.",
        },
    },
    "pl": {
        "Greeting": "Dzień dobry, {name},",
        "TemporaryPassword": {
            "Subject": "Hasło tymczasowe do IMI",
            "Body": "Dla Państwa konta w IMI ustawiono hasło tymczasowe: {password}",
            "SignIn": "Prosimy zalogować się nim pod adresem {link}. Następnie wybiorą Państwo własne hasło i 12-cyfrowy kod bezpieczeństwa.",
            "Username": "Ze względów bezpieczeństwa nazwa użytkownika nie jest wysyłana pocztą elektroniczną: przekaże ją Państwu osobiście lub telefonicznie osoba, która Państwa zarejestrowała.",
        },
        "SignInReminder": {
            "Subject": "Prosimy o zalogowanie się do IMI",
            "Body": "Zostali Państwo zarejestrowani w IMI jako użytkownik organu {authority}, ale jeszcze się Państwo nie zalogowali. Prosimy zalogować się pod adresem {link}, używając przekazanej Państwu nazwy użytkownika i hasła tymczasowego otrzymanego pocztą elektroniczną. Jeżeli nie mają już Państwo któregoś z nich, prosimy zwrócić się do lokalnego administratora danych.",
        },
        "KeywordRequest": {
            "Subject": "Wniosek o słowo kluczowe – {authority}",
            "Body": "{person} z organu {authority} ({country}) nie znalazł(a) odpowiedniego słowa kluczowego na liście „{list}” i prosi o podjęcie działań w celu jego dodania:",
            "Forward": "Jeżeli należy je dodać, prosimy przekazać wniosek Komisji, która prowadzi listy słów kluczowych.",
        },
    },
    "pt": {
        "KeywordRequest": {
            "Subject": "Palavra-chave pedida por {authority}",
            "Body": "{person}, de {authority} ({country}), não encontrou uma palavra-chave adequada na lista «{list}» e pede-lhe que a mande acrescentar:",
            "Forward": "Se a palavra-chave dever ser acrescentada, reencaminhe o pedido para a Comissão, que mantém as listas de palavras-chave.",
        },
    },
    "ro": {
        "Greeting": "Bună ziua, {name},",
        "TemporaryPassword": {
            "Subject": "Parola dumneavoastră temporară IMI",
            "Body": "Pentru contul dumneavoastră IMI a fost stabilită o parolă temporară: {password}",
            "SignIn": "Conectați-vă cu aceasta la adresa {link}. Apoi vă veți alege propria parolă și un cod de securitate din 12 cifre.",
            "Username": "Din motive de securitate, numele dumneavoastră de utilizator nu este trimis prin e-mail: persoana care v-a înregistrat vi-l va comunica personal sau prin telefon.",
        },
        "SignInReminder": {
            "Subject": "Vă rugăm să vă conectați la IMI",
            "Body": "Ați fost înregistrat(ă) în IMI pentru {authority}, dar nu v-ați conectat încă. Vă rugăm să vă conectați la adresa {link} cu numele de utilizator care v-a fost comunicat și cu parola temporară primită prin e-mail. Dacă nu mai aveți unul dintre acestea, adresați-vă administratorului local de date.",
        },
        "KeywordRequest": {
            "Subject": "Cuvânt-cheie solicitat de {authority}",
            "Body": "{person} de la {authority} ({country}) nu a găsit un cuvânt-cheie potrivit în lista „{list}” și vă roagă să dispuneți adăugarea acestuia:",
            "Forward": "Dacă trebuie adăugat, transmiteți solicitarea Comisiei, care gestionează listele de cuvinte-cheie.",
        },
    },
    "sk": {
        "Greeting": "Dobrý deň, {name},",
        "TemporaryPassword": {
            "Subject": "Vaše dočasné heslo do IMI",
            "Body": "Pre Váš účet v IMI bolo nastavené dočasné heslo: {password}",
            "SignIn": "Prihláste sa ním na adrese {link}. Potom si zvolíte vlastné heslo a 12-miestny bezpečnostný kód.",
            "Username": "Z bezpečnostných dôvodov sa Vaše používateľské meno neposiela e-mailom: oznámi Vám ho osobne alebo telefonicky osoba, ktorá Vás zaregistrovala.",
        },
        "SignInReminder": {
            "Subject": "Prihláste sa, prosím, do IMI",
            "Body": "Boli ste zaregistrovaný/zaregistrovaná v IMI za orgán {authority}, ale ešte ste sa neprihlásili. Prihláste sa, prosím, na adrese {link} používateľským menom, ktoré Vám bolo oznámené, a dočasným heslom, ktoré ste dostali e-mailom. Ak už niektoré z nich nemáte, obráťte sa na svojho miestneho správcu údajov.",
        },
        "KeywordRequest": {
            "Subject": "Žiadosť o kľúčové slovo – {authority}",
            "Body": "{person} z orgánu {authority} ({country}) nenašiel/nenašla v zozname „{list}“ vhodné kľúčové slovo a žiada Vás o zabezpečenie jeho doplnenia:",
            "Forward": "Ak sa má doplniť, postúpte žiadosť Komisii, ktorá spravuje zoznamy kľúčových slov.",
        },
    },
    "sl": {
        "Greeting": "Pozdravljeni, {name},",
        "TemporaryPassword": {
            "Subject": "Vaše začasno geslo za IMI",
            "Body": "Za vaš račun v sistemu IMI je bilo nastavljeno začasno geslo: {password}",
            "SignIn": "Z njim se prijavite na naslovu {link}. Nato boste izbrali svoje geslo in 12-mestno varnostno kodo.",
            "Username": "Iz varnostnih razlogov vaše uporabniško ime ni poslano po e-pošti: osebno ali po telefonu vam ga bo sporočila oseba, ki vas je registrirala.",
        },
        "SignInReminder": {
            "Subject": "Prosimo, prijavite se v sistem IMI",
            "Body": "V sistemu IMI ste bili registrirani za organ {authority}, vendar se še niste prijavili. Prosimo, prijavite se na naslovu {link} z uporabniškim imenom, ki vam je bilo sporočeno, in začasnim geslom, ki ste ga prejeli po e-pošti. Če katerega od njiju nimate več, se obrnite na svojega lokalnega skrbnika podatkov.",
        },
        "KeywordRequest": {
            "Subject": "Zahteva za ključno besedo – {authority}",
            "Body": "{person} iz organa {authority} ({country}) na seznamu „{list}“ ni našel(-a) ustrezne ključne besede in vas prosi, da poskrbite za njeno dodajanje:",
            "Forward": "Če jo je treba dodati, zahtevo posredujte Komisiji, ki vzdržuje sezname ključnih besed.",
        },
    },
    "sv": {
        "Greeting": "Hej {name},",
        "TemporaryPassword": {
            "Subject": "Ditt tillfälliga lösenord till IMI",
            "Body": "Ett tillfälligt lösenord har skapats för ditt IMI-konto: {password}",
            "SignIn": "Logga in med det på {link}. Därefter väljer du ett eget lösenord och en säkerhetskod med 12 siffror.",
            "Username": "Av säkerhetsskäl skickas ditt användarnamn inte med e-post: den person som registrerade dig meddelar dig det personligen eller per telefon.",
        },
        "SignInReminder": {
            "Subject": "Logga in i IMI",
            "Body": "Du har registrerats i IMI för {authority} men har ännu inte loggat in. Logga in på {link} med det användarnamn du har fått veta och det tillfälliga lösenord du har fått med e-post. Om du inte längre har något av dem, kontakta din lokala dataadministratör.",
        },
        "KeywordRequest": {
            "Subject": "Nyckelord begärt av {authority}",
            "Body": "{person} vid {authority} ({country}) hittade inget passande nyckelord i listan ”{list}” och ber er att se till att det läggs till:",
            "Forward": "Om det ska läggas till, vidarebefordra begäran till kommissionen, som förvaltar listorna över nyckelord.",
        },
    },
}


def build():
    alerts = json.loads(git_show("Imi.Infrastructure/Mail/Templates/request-alerts.json"))
    templates = mail_templates()
    files = {}
    for language in LANGUAGES:
        new = NEW.get(language, {})
        old = templates.get(language, {})
        source = alerts[language]
        footer = source["footer"].split("\n\n")
        assert len(footer) == 3 and footer[2] == "IMI", (language, footer)

        greeting = None
        if "tp" in old:
            tp_subject, tp_greeting, tp_body, tp_next, tp_username = old["tp"]
            greeting = tp_greeting.replace("{0}", "{name}")
            temporary_password = {
                "Subject": tp_subject,
                "Body": tp_body.replace("{0}", "{password}"),
                "SignIn": tp_next.replace("{0}", "{link}"),
                "Username": tp_username,
            }
        else:
            temporary_password = new["TemporaryPassword"]
        if "reminder" in old:
            r_subject, r_body = old["reminder"]
            r_greeting, r_text, r_signature = r_body.split("\n\n")
            assert r_signature == "IMI"
            assert greeting is None or r_greeting.replace("{0}", "{name}") == greeting, (language, r_greeting, greeting)
            greeting = greeting or r_greeting.replace("{0}", "{name}")
            reminder = {"Subject": r_subject, "Body": r_text.replace("{1}", "{authority}").replace("{2}", "{link}")}
        else:
            reminder = new["SignInReminder"]
        greeting = greeting or new["Greeting"]

        texts = {}
        if language != "en":
            texts["@sameAsEnglish"] = ["Common.Signature"]
        texts["Common"] = {"Greeting": greeting, "Signature": "IMI"}
        texts["TemporaryPassword"] = temporary_password
        texts["SignInReminder"] = reminder
        texts["KeywordRequest"] = new["KeywordRequest"]
        texts["Alert"] = {"OpenRequest": footer[0], "NoPersonalData": footer[1]}
        for kind in ALERTS:
            texts[kind] = {"Subject": source[kind]["subject"], "Body": source[kind]["body"]}
        files[language] = texts

    os.makedirs(OUT, exist_ok=True)
    for language, texts in files.items():
        with open(os.path.join(OUT, f"{language}.json"), "w", encoding="utf-8") as f:
            json.dump(texts, f, ensure_ascii=False, indent=2)
            f.write("\n")

    # Every language has every text of English, with the same placeholders.
    def flat(d, prefix=""):
        for k, v in d.items():
            if k.startswith("@"):
                continue
            if isinstance(v, dict):
                yield from flat(v, prefix + k + ".")
            else:
                yield prefix + k, v
    english = dict(flat(files["en"]))
    for language, texts in files.items():
        mine = dict(flat(json.load(open(os.path.join(OUT, f"{language}.json"), encoding="utf-8"))))
        assert mine.keys() == english.keys(), (language, set(english) ^ set(mine))
        for key, value in mine.items():
            want = set(re.findall(r"\{(\w+)\}", english[key]))
            got = set(re.findall(r"\{(\w+)\}", value))
            assert want == got, (language, key, want, got)
    print(f"{len(files)} languages, {len(english)} texts each")


if __name__ == "__main__":
    build()
