using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Portal.Components.Shared;
using Imi.Portal.Store.Exchange;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Imi.Portal.Components.Requests;

/// <summary>One exchange as the signed-in user may see it, with the steps the server allows them now.</summary>
public partial class ExchangePage
{
    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private Guid userId;
    /// <summary>The exchange on screen (null while another one is still shown or it is loading).</summary>
    private ExchangeDetails? exchange => ExchangeStore.Value.Current?.Id == Id ? ExchangeStore.Value.Current : null;
    private bool Busy => ExchangeStore.Value.Busy;
    private string Language => Session.Value.User?.PreferredLanguageCode ?? "en";

    private readonly Dictionary<int, string?> answerOptions = new();
    private readonly Dictionary<int, string?> answerTexts = new();
    private IReadOnlyList<Guid> allocation = [];
    private DateOnly? date;
    private string? reason, dateError, forwardReason, ratingComment, justification, justificationError;
    private PartyInfo? forwardTo;
    private bool inPart;
    private int timeliness = RequestRating.MaxScore, effort = RequestRating.MaxScore;
    private Guid? loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive || loaded == Id || await CurrentUser.IdAsync(AuthenticationState) is not { } id)
            return;
        userId = id;
        loaded = Id;
        answerOptions.Clear();
        answerTexts.Clear();
        Dispatcher.Dispatch(new LoadExchangeAction(userId, Id));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (Session.Value.User is { } user && userId != Guid.Empty)
            Live.Start(userId, user.AuthorityId);
    }

    private bool Can(RequestAction action) => exchange?.AllowedActions.Contains(action) == true;

    internal string? FieldError(string field) => ExchangeStore.Value.ErrorField == field ? ExchangeStore.Value.Error : null;

    private string? AnswerOption(QuestionView q) => answerOptions.TryGetValue(q.Index, out var v) ? v : q.AnswerOptionCode;
    private string? AnswerText(QuestionView q) => answerTexts.TryGetValue(q.Index, out var v) ? v : q.AnswerText?.Text;

    /// <summary>Runs a step on the exchange at the revision on screen: <paramref name="command"/> gets its id and revision.</summary>
    internal void Run(Func<Guid, int, ExchangeCommand> command)
    {
        if (exchange is { } current)
            Dispatcher.Dispatch(new RunExchangeCommandAction(userId, command(current.Id, current.Revision)));
    }

    private void Retrieve()
    {
        justificationError = string.IsNullOrWhiteSpace(justification) ? T["Requests.Exchange.Subject.JustificationMissing"] : null;
        if (justificationError is null)
            Dispatcher.Dispatch(new LoadExchangeAction(userId, Id, justification));
    }

    private void SaveAnswer(QuestionView q) => Run((id, revision) => new AnswerQuestion(id, revision, q.Index, AnswerOption(q), AnswerText(q)));

    // The date field itself refuses what is not a date (in the reader's format); here only a missing date.
    private bool ParseDate(bool required, out DateOnly? value)
    {
        value = date;
        dateError = required && date is null ? T["Requests.Exchange.Actions.NewAnswerDateMissing"] : null;
        return dateError is null;
    }

    private void Accept()
    {
        if (ParseDate(required: false, out var other))
            Run((id, revision) => new AcceptRequest(id, revision, other, reason));
    }

    private void ProposeDate()
    {
        if (ParseDate(required: true, out var d))
            Run((id, revision) => new ProposeAnswerDate(id, revision, d!.Value, reason));
    }

    private void Forward()
    {
        if (forwardTo is { } to)
            Run((id, revision) => new ForwardRequest(id, revision, to.Id, forwardReason ?? ""));
    }

    private void AttachReplyFile(Microsoft.AspNetCore.Components.Forms.IBrowserFile file) =>
        Run((id, revision) => new AttachFile(id, revision, AttachmentSide.Reply, file.Name, file.Size, () => file.OpenReadStream(RequestService.MaxUploadBytes)));

    private void RemoveFile(Guid attachmentId) => Run((id, revision) => new RemoveFile(id, revision, attachmentId));

    // From the state's traits, so a new state gets a colour without a change here.
    private static Color StatusColor(RequestStatus status) => RequestWorkflow.TraitsOf(status).WaitsFor switch
    {
        WaitingSide.Nobody => Color.Success,
        WaitingSide.Referees => Color.Warning,
        _ when !RequestWorkflow.Shared.Contains(status) => Color.Default,
        _ => Color.Info,
    };

    private static string Party(PartyInfo party) => party.CountryCode.Length == 0 ? party.Title : $"{party.Title} ({party.CountryCode})";

    /// <summary>One timeline step as a whole sentence in the reader's language: who, of which authority, did what (and to whom, or which date).</summary>
    private string TimelineSentence(TimelineView t) => T[$"Requests.Timeline.{t.Action}",
        ("user", t.Who), ("authority", Party(t.Authority)), ("other", t.Other is { } other ? Party(other) : ""), ("date", t.Date)];
}
