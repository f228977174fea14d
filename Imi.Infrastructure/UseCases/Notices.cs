namespace Imi.Infrastructure.UseCases;

/// <summary>
/// What a service tells the user after a command succeeded: a code of <see cref="Notices"/> and its
/// named values, never a sentence. The portal writes the text <c>Notices.{Code}</c> in the reader's
/// language (<c>Texts.Notice</c>).
/// </summary>
public sealed record Notice(string Code, params (string Name, object? Value)[] Args)
{
    public override string ToString() =>
        Args.Length == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => $"{a.Name}={a.Value}"))})";
}

/// <summary>Every notice code, each defined once; a test keeps them and the English texts in step. Values in the comments.</summary>
public static class Notices
{
    /// <summary>Steps of an exchange.</summary>
    public static class Requests
    {
        public const string Done = "Requests.Done";
        public const string DraftSaved = "Requests.DraftSaved";
        public const string Sent = "Requests.Sent";
        public const string Allocated = "Requests.Allocated";
        public const string Unallocated = "Requests.Unallocated";
        public const string Forwarded = "Requests.Forwarded";
        public const string Accepted = "Requests.Accepted";
        public const string AnswerDateProposed = "Requests.AnswerDateProposed";
        public const string AnswerSaved = "Requests.AnswerSaved";
        public const string ReplySent = "Requests.ReplySent";
        public const string Rated = "Requests.Rated";
        /// <summary>fileName</summary>
        public const string FileAttached = "Requests.FileAttached";
        public const string FileRemoved = "Requests.FileRemoved";
        public const string Reminded = "Requests.Reminded";
    }

    /// <summary>What coordinators do for the authorities they coordinate (decision 010).</summary>
    public static class Coordination
    {
        /// <summary>authority</summary>
        public const string AuthorityDeactivated = "Coordination.AuthorityDeactivated";
        /// <summary>authority</summary>
        public const string AuthorityReactivated = "Coordination.AuthorityReactivated";
        /// <summary>authority, name, email, username (the first user's)</summary>
        public const string AuthorityRegistered = "Coordination.AuthorityRegistered";
        /// <summary>authority</summary>
        public const string AreaGranted = "Coordination.AreaGranted";
        /// <summary>authority</summary>
        public const string AreaWithdrawn = "Coordination.AreaWithdrawn";
        /// <summary>authority</summary>
        public const string OfficialTitleChanged = "Coordination.OfficialTitleChanged";
        /// <summary>authority</summary>
        public const string CoordinatorChanged = "Coordination.CoordinatorChanged";
        /// <summary>authority, name, email, username (the first user's)</summary>
        public const string ApplicationValidated = "Coordination.ApplicationValidated";
        /// <summary>authority</summary>
        public const string ApplicationRejected = "Coordination.ApplicationRejected";
    }

    /// <summary>Keyword requests (issue 11).</summary>
    public static class Keywords
    {
        /// <summary>proposal, authority</summary>
        public const string Forwarded = "Keywords.Forwarded";
        /// <summary>proposal, authority</summary>
        public const string Declined = "Keywords.Declined";
        /// <summary>proposal, authority</summary>
        public const string Added = "Keywords.Added";
    }

    /// <summary>The setup wizard and user administration.</summary>
    public static class Setup
    {
        public const string GeneralInformationSaved = "Setup.GeneralInformationSaved";
        public const string KeywordsSaved = "Setup.KeywordsSaved";
        /// <summary>coordinator (its informal title)</summary>
        public const string KeywordRequestSent = "Setup.KeywordRequestSent";
        public const string AuthorityLinked = "Setup.AuthorityLinked";
        public const string LinkRemoved = "Setup.LinkRemoved";
        public const string RequestCoordinatorAdded = "Setup.RequestCoordinatorAdded";
        public const string RequestCoordinatorRemoved = "Setup.RequestCoordinatorRemoved";
        public const string FullViewGranted = "Setup.FullViewGranted";
        public const string FullViewWithdrawn = "Setup.FullViewWithdrawn";
        public const string DepartmentSaved = "Setup.DepartmentSaved";
        public const string AdditionalUsersSaved = "Setup.AdditionalUsersSaved";
        public const string AllocationOn = "Setup.AllocationOn";
        public const string AllocationOff = "Setup.AllocationOff";
        public const string ReferralSaved = "Setup.ReferralSaved";
        public const string ApprovalSaved = "Setup.ApprovalSaved";
        /// <summary>step</summary>
        public const string StepCompleted = "Setup.StepCompleted";
        /// <summary>name, email, username</summary>
        public const string UserRegistered = "Setup.UserRegistered";
        /// <summary>name</summary>
        public const string RolesSaved = "Setup.RolesSaved";
        /// <summary>name, username</summary>
        public const string UsernameChanged = "Setup.UsernameChanged";
        /// <summary>name</summary>
        public const string PasswordReset = "Setup.PasswordReset";
        /// <summary>name</summary>
        public const string ReminderSent = "Setup.ReminderSent";
    }
}
