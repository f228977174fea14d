namespace Imi.Domain.Common;

/// <summary>
/// Every refusal code of the domain and the services, each defined once. A <see cref="DomainException"/>
/// carries one of these with its values; the portal writes the text <c>Refusals.{code}</c>
/// (<c>Localization/Texts/Refusals/{language}.json</c>) in the reader's language. A test keeps the
/// codes and the English texts in step: a code without a text, or a text without a code, fails it.
/// The values each code takes are named in its comment.
/// </summary>
public static class Refusals
{
    /// <summary>A value typed into a field; the text sits next to that field, so it does not name it.</summary>
    public static class Input
    {
        public const string Required = "Input.Required";
        /// <summary>count (the maximum)</summary>
        public const string TooLong = "Input.TooLong";
        public const string NotAnEmail = "Input.NotAnEmail";
        /// <summary>code</summary>
        public const string InvalidCode = "Input.InvalidCode";
        public const string NotAWebsite = "Input.NotAWebsite";
        /// <summary>min, max</summary>
        public const string NumberOutOfRange = "Input.NumberOutOfRange";
        public const string DateNotInFuture = "Input.DateNotInFuture";
        /// <summary>count (years)</summary>
        public const string DateTooFarAhead = "Input.DateTooFarAhead";
        /// <summary>earliest (a date)</summary>
        public const string DateOfBirthOutOfRange = "Input.DateOfBirthOutOfRange";
    }

    /// <summary>Who may do what.</summary>
    public static class Access
    {
        public const string TranslatorsOnly = "Access.TranslatorsOnly";
        public const string LocalDataAdministratorsOnly = "Access.LocalDataAdministratorsOnly";
        public const string RequestHandlersOfAreaOnly = "Access.RequestHandlersOfAreaOnly";
        public const string RequestHandlersOnly = "Access.RequestHandlersOnly";
        public const string CoordinatorDataAdministratorsOnly = "Access.CoordinatorDataAdministratorsOnly";
        public const string CoordinatorsOnly = "Access.CoordinatorsOnly";
        public const string AccountGone = "Access.AccountGone";
    }

    /// <summary>An authority's registration, translations and links.</summary>
    public static class Authority
    {
        public const string DeactivatedCannotBeValidated = "Authority.DeactivatedCannotBeValidated";
        public const string OriginalLanguageNeedsNoTranslation = "Authority.OriginalLanguageNeedsNoTranslation";
        public const string CannotLinkToItself = "Authority.CannotLinkToItself";
        public const string LinkOnlySameCountry = "Authority.LinkOnlySameCountry";
        /// <summary>authority (its informal title)</summary>
        public const string NotACoordinator = "Authority.NotACoordinator";
        /// <summary>area (a legislative area's code)</summary>
        public const string NoAccessToArea = "Authority.NoAccessToArea";
        public const string LanguagesUnderstoodRequired = "Authority.LanguagesUnderstoodRequired";
    }

    /// <summary>The setup wizard's rules.</summary>
    public static class Setup
    {
        /// <summary>keywords (the codes, listed)</summary>
        public const string KeywordsNotInList = "Setup.KeywordsNotInList";
        public const string RequestCoordinatorOfOwnCountry = "Setup.RequestCoordinatorOfOwnCountry";
        /// <summary>coordinator (its informal title)</summary>
        public const string CoordinatorNotInArea = "Setup.CoordinatorNotInArea";
        public const string LastRequestCoordinator = "Setup.LastRequestCoordinator";
        public const string NotARequestCoordinator = "Setup.NotARequestCoordinator";
        public const string AllocatorNeeded = "Setup.AllocatorNeeded";
        public const string ReferralHandlerNeeded = "Setup.ReferralHandlerNeeded";
        public const string StepForCoordinatorsOnly = "Setup.StepForCoordinatorsOnly";
        public const string SettingsForCoordinatorsOnly = "Setup.SettingsForCoordinatorsOnly";
        public const string NoSuchKeywordList = "Setup.NoSuchKeywordList";
        public const string NoCoordinatorToAsk = "Setup.NoCoordinatorToAsk";
        /// <summary>count (the maximum)</summary>
        public const string KeywordProposalLength = "Setup.KeywordProposalLength";
    }

    /// <summary>Users and their administration.</summary>
    public static class Users
    {
        public const string EmailTaken = "Users.EmailTaken";
        public const string UsernameTaken = "Users.UsernameTaken";
        /// <summary>min, count (the maximum)</summary>
        public const string UsernameInvalid = "Users.UsernameInvalid";
        public const string CoordinatorRolesOnly = "Users.CoordinatorRolesOnly";
        public const string LastLocalDataAdministrator = "Users.LastLocalDataAdministrator";
        /// <summary>area</summary>
        public const string LastAllocator = "Users.LastAllocator";
        /// <summary>area</summary>
        public const string LastReferralHandler = "Users.LastReferralHandler";
        public const string NotOfThatAuthority = "Users.NotOfThatAuthority";
        public const string OfAnotherAuthority = "Users.OfAnotherAuthority";
        public const string CoordinatorResetsOnlyAdministrators = "Users.CoordinatorResetsOnlyAdministrators";
        public const string ResetByLocalDataAdministrator = "Users.ResetByLocalDataAdministrator";
        public const string PreferredLanguageRequired = "Users.PreferredLanguageRequired";
        public const string LanguageNotOffered = "Users.LanguageNotOffered";
        public const string NoSuchUser = "Users.NoSuchUser";
        /// <summary>name</summary>
        public const string AlreadySignedIn = "Users.AlreadySignedIn";
    }

    /// <summary>The security code chosen at the first sign-in.</summary>
    public static class SecurityCode
    {
        /// <summary>count (the number of digits)</summary>
        public const string Length = "SecurityCode.Length";
        /// <summary>count</summary>
        public const string TooFewDigits = "SecurityCode.TooFewDigits";
        public const string Pattern = "SecurityCode.Pattern";
    }

    /// <summary>What coordinators do for the authorities they coordinate (decision 010).</summary>
    public static class Coordination
    {
        /// <summary>For an authority's own matters: its coordinator's data administrators, or those of a coordinator above it.</summary>
        public const string NotItsCoordinator = "Coordination.NotItsCoordinator";
        /// <summary>area: the area's coordinator's data administrators for that area, or those of a coordinator above it.</summary>
        public const string NotTheAreasCoordinator = "Coordination.NotTheAreasCoordinator";
        public const string NoSuchAuthority = "Coordination.NoSuchAuthority";
        public const string CoordinatorStaysActive = "Coordination.CoordinatorStaysActive";
        public const string NotActive = "Coordination.NotActive";
        public const string NotDeactivated = "Coordination.NotDeactivated";
        public const string DataAdministratorsRegister = "Coordination.DataAdministratorsRegister";
        /// <summary>type (the coordinator type asked for, e.g. Dimic): who may register which kind (decision 010).</summary>
        public const string MayNotRegisterType = "Coordination.MayNotRegisterType";
        public const string AreasRequired = "Coordination.AreasRequired";
        public const string RegionRequired = "Coordination.RegionRequired";
        /// <summary>An authority of the country already has this official title.</summary>
        public const string OfficialTitleTaken = "Coordination.OfficialTitleTaken";
        /// <summary>coordinator, area: an area's coordinator is the registering coordinator or one below it, with access to the area.</summary>
        public const string NotACoordinatorBelow = "Coordination.NotACoordinatorBelow";
        /// <summary>area</summary>
        public const string AlreadyHasArea = "Coordination.AlreadyHasArea";
        /// <summary>area, exchanges (their references, listed)</summary>
        public const string OpenExchangesInArea = "Coordination.OpenExchangesInArea";
        /// <summary>area: a coordinator keeps an area while it coordinates authorities in it.</summary>
        public const string CoordinatesOthersInArea = "Coordination.CoordinatesOthersInArea";
        public const string LastArea = "Coordination.LastArea";
        /// <summary>coordinator</summary>
        public const string CannotBecomeItsCoordinator = "Coordination.CannotBecomeItsCoordinator";
        /// <summary>No active coordinator of the country has the area applied for.</summary>
        public const string NoCoordinatorForApplication = "Coordination.NoCoordinatorForApplication";
        /// <summary>The authority is not (or no longer) an application waiting for a decision.</summary>
        public const string NotAnApplication = "Coordination.NotAnApplication";
        /// <summary>A country has one NIMIC.</summary>
        public const string CountryHasNimic = "Coordination.CountryHasNimic";
    }

    /// <summary>Keyword requests (issue 11).</summary>
    public static class Keywords
    {
        public const string AlreadyDecided = "Keywords.AlreadyDecided";
        public const string CommissionOnly = "Keywords.CommissionOnly";
        public const string NoSuchRequest = "Keywords.NoSuchRequest";
    }

    /// <summary>The sign-in account.</summary>
    public static class Account
    {
        public const string CredentialsAlreadySet = "Account.CredentialsAlreadySet";
        public const string Locked = "Account.Locked";
    }

    /// <summary>A user changing their own password or security code ("My profile").</summary>
    public static class Profile
    {
        /// <summary>count (wrong attempts left before the lockout)</summary>
        public const string WrongPassword = "Profile.WrongPassword";
        /// <summary>count (wrong attempts left before the lockout)</summary>
        public const string WrongSecurityCode = "Profile.WrongSecurityCode";
        public const string LockedOut = "Profile.LockedOut";
        public const string SamePassword = "Profile.SamePassword";
        public const string SameSecurityCode = "Profile.SameSecurityCode";
    }

    /// <summary>
    /// A new password: <c>Password.{code}</c> for each code of ASP.NET Identity's password validators
    /// and of our own (CommonPasswordValidator), so that none of Identity's English reaches the user.
    /// </summary>
    public static class Password
    {
        /// <summary>length</summary>
        public const string PasswordTooShort = "Password.PasswordTooShort";
        public const string PasswordRequiresNonAlphanumeric = "Password.PasswordRequiresNonAlphanumeric";
        public const string PasswordRequiresDigit = "Password.PasswordRequiresDigit";
        public const string PasswordRequiresLower = "Password.PasswordRequiresLower";
        public const string PasswordRequiresUpper = "Password.PasswordRequiresUpper";
        /// <summary>count</summary>
        public const string PasswordRequiresUniqueChars = "Password.PasswordRequiresUniqueChars";
        public const string CommonPassword = "Password.CommonPassword";
        public const string ContainsUsername = "Password.ContainsUsername";
        /// <summary>A validator's code we do not know: a general refusal.</summary>
        public const string NotAccepted = "Password.NotAccepted";
        public const string SameAsTemporary = "Password.SameAsTemporary";
    }

    /// <summary>Allocation: handlers, absences, deputies, capacities, automatic allocation.</summary>
    public static class Allocation
    {
        /// <summary>The chosen user is not a request handler of the responding authority in the exchange's area.</summary>
        public const string NotAHandler = "Allocation.NotAHandler";
        public const string DeputyIsSelf = "Allocation.DeputyIsSelf";
        /// <summary>area (the deputy does not handle requests in it)</summary>
        public const string DeputyNotHandler = "Allocation.DeputyNotHandler";
        public const string AbsenceEndsBeforeItStarts = "Allocation.AbsenceEndsBeforeItStarts";
        public const string AbsenceInThePast = "Allocation.AbsenceInThePast";
        /// <summary>count (the most days)</summary>
        public const string AbsenceTooLong = "Allocation.AbsenceTooLong";
        /// <summary>min, max</summary>
        public const string CapacityOutOfRange = "Allocation.CapacityOutOfRange";
        public const string NotYours = "Allocation.NotYours";
        /// <summary>How new requests of an area reach handlers is chosen by its allocators or the local data administrator.</summary>
        public const string ModeNotYours = "Allocation.ModeNotYours";
        /// <summary>Suggestions are for the area's allocators.</summary>
        public const string AllocatorsOnly = "Allocation.AllocatorsOnly";
        /// <summary>Automatic allocation needs allocation switched on in the area.</summary>
        public const string AllocationOff = "Allocation.AllocationOff";
    }

    /// <summary>An exchange (an information request) and its steps.</summary>
    public static class Request
    {
        /// <summary>status (a RequestStatus)</summary>
        public const string NotInState = "Request.NotInState";
        /// <summary>action (a RequestAction)</summary>
        public const string NotYourStep = "Request.NotYourStep";
        public const string ReferralNeedsDecline = "Request.ReferralNeedsDecline";
        public const string AlreadyRated = "Request.AlreadyRated";
        public const string QuestionSetFixed = "Request.QuestionSetFixed";
        public const string NotToOwnAuthority = "Request.NotToOwnAuthority";
        /// <summary>question (its code)</summary>
        public const string UnknownQuestion = "Request.UnknownQuestion";
        /// <summary>count (the maximum)</summary>
        public const string TooManyFreeQuestions = "Request.TooManyFreeQuestions";
        /// <summary>count (the maximum)</summary>
        public const string QuestionTooLong = "Request.QuestionTooLong";
        /// <summary>count (the maximum)</summary>
        public const string TooManyQuestions = "Request.TooManyQuestions";
        public const string SubjectNameRequired = "Request.SubjectNameRequired";
        public const string ResponderRequired = "Request.ResponderRequired";
        public const string QuestionsRequired = "Request.QuestionsRequired";
        public const string AnswerDateRequired = "Request.AnswerDateRequired";
        public const string HandlersRequired = "Request.HandlersRequired";
        public const string ForwardToThirdAuthority = "Request.ForwardToThirdAuthority";
        public const string NoSuchQuestion = "Request.NoSuchQuestion";
        public const string AnswerNotOffered = "Request.AnswerNotOffered";
        /// <summary>min, max</summary>
        public const string TimelinessRating = "Request.TimelinessRating";
        /// <summary>min, max</summary>
        public const string EffortRating = "Request.EffortRating";
        public const string BlockOnlyWhenClosed = "Request.BlockOnlyWhenClosed";
        public const string DeleteOnlyWhenClosed = "Request.DeleteOnlyWhenClosed";
        public const string NoAnswers = "Request.NoAnswers";
        /// <summary>count</summary>
        public const string Unanswered = "Request.Unanswered";
        public const string SayWhatShouldChange = "Request.SayWhatShouldChange";
        public const string SayWhatRefereesShouldLookAt = "Request.SayWhatRefereesShouldLookAt";
        public const string SayWhatIsMissing = "Request.SayWhatIsMissing";
        public const string SayWhyNotGiven = "Request.SayWhyNotGiven";
        public const string SayWhyForward = "Request.SayWhyForward";
        public const string SayWhatNeedsClarifying = "Request.SayWhatNeedsClarifying";
        public const string DoesNotExist = "Request.DoesNotExist";
        public const string NoQuestionsForArea = "Request.NoQuestionsForArea";
        public const string ResponderNotInArea = "Request.ResponderNotInArea";
        public const string DraftNotFound = "Request.DraftNotFound";
        public const string ExchangeNotVisible = "Request.ExchangeNotVisible";
    }

    /// <summary>The figures and the urgency list (issue 12).</summary>
    public static class Performance
    {
        /// <summary>Only a coordinator's users with a role in the exchange's area send reminders.</summary>
        public const string CoordinatorsRemind = "Performance.CoordinatorsRemind";
        /// <summary>The authority whose turn it is is not one the coordinator coordinates in that area.</summary>
        public const string NotInScope = "Performance.NotInScope";
        /// <summary>The exchange is closed, or waits for the coordinators themselves: nobody to remind.</summary>
        public const string NobodyToRemind = "Performance.NobodyToRemind";
        /// <summary>A reminder was sent less than a day ago.</summary>
        public const string RemindedToday = "Performance.RemindedToday";
        /// <summary>The figures asked for lie outside the user's scope (another country's authority, or one not coordinated).</summary>
        public const string FiguresNotInScope = "Performance.FiguresNotInScope";
    }

    /// <summary>Files attached to an exchange.</summary>
    public static class Attachments
    {
        /// <summary>count (the maximum)</summary>
        public const string TooMany = "Attachments.TooMany";
        public const string NoLongerAttached = "Attachments.NoLongerAttached";
        /// <summary>fileName, types</summary>
        public const string TypeNotAccepted = "Attachments.TypeNotAccepted";
        /// <summary>fileName</summary>
        public const string Empty = "Attachments.Empty";
        /// <summary>fileName, size (MB), max (MB)</summary>
        public const string TooLarge = "Attachments.TooLarge";
        /// <summary>fileName</summary>
        public const string Incomplete = "Attachments.Incomplete";
        public const string NotVisible = "Attachments.NotVisible";
    }

    /// <summary>Someone else saved first.</summary>
    public static class Concurrency
    {
        public const string SetupChanged = "Concurrency.SetupChanged";
        public const string AuthorityChanged = "Concurrency.AuthorityChanged";
        public const string ExchangeChanged = "Concurrency.ExchangeChanged";
        public const string KeywordRequestChanged = "Concurrency.KeywordRequestChanged";
    }
}
