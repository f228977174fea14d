using Imi.Domain.Requests;
using Imi.Infrastructure.Requests;
using Imi.Portal.Components.Shared;
using Imi.Portal.Store.RequestEditor;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Imi.Portal.Components.Requests;

/// <summary>The request form: a new request or a draft; what is typed stays in the component until it is saved.</summary>
public partial class RequestEditorPage
{
    [Parameter] public Guid? Id { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public Guid? To { get; set; }
    [SupplyParameterFromQuery(Name = "area")] public string? AreaQuery { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private Guid userId;
    private RequestEditorData? editor => EditorStore.Value.Editor is { } e && e.RequestId == Id ? e : null;
    private string Language => Session.Value.User?.PreferredLanguageCode ?? "en";
    private string? initializedFor;
    private string? loadedFor;

    private PartyInfo? responder;
    private string area = "";
    private readonly HashSet<string> chosen = new();
    private List<string?> freeQuestions = [];
    private string? subjectName, subjectNationality, subjectDocument, subjectAddress, subjectOther, comment;
    private DateOnly? subjectBorn, answerDate;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        ActionSubscriber.SubscribeToAction<DraftSavedAction>(this, saved => InvokeAsync(() =>
        {
            if (saved.Sent)
                Navigation.NavigateTo($"requests/{saved.RequestId}");
            else if (Id != saved.RequestId)
            {
                initializedFor = saved.RequestId.ToString(); // keep what is typed: the form goes on as the saved draft
                loadedFor = $"{saved.RequestId}||";
                Navigation.NavigateTo($"requests/{saved.RequestId}/edit", replace: true);
            }
        }));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive || await CurrentUser.IdAsync(AuthenticationState) is not { } id)
            return;
        userId = id;
        var key = $"{Id}|{To}|{AreaQuery}";
        if (loadedFor == key)
            return;
        loadedFor = key;
        Dispatcher.Dispatch(new LoadEditorAction(userId, Id, AreaQuery, To));
    }

    protected override void OnParametersSet() => Initialize();

    protected override void OnStoreChanged() => Initialize();

    private void Initialize()
    {
        if (editor is not { } e)
            return;
        var key = e.RequestId?.ToString() ?? "new";
        if (initializedFor == key)
            return;
        initializedFor = key;
        area = e.AreaCode;
        responder = e.Responder;
        chosen.Clear();
        if (e.Draft is { } d)
        {
            chosen.UnionWith(d.QuestionCodes);
            freeQuestions = d.FreeQuestions.Select(q => (string?)q).ToList();
            subjectName = d.Subject?.FullName;
            subjectBorn = d.Subject?.DateOfBirth;
            subjectNationality = d.Subject?.Nationality;
            subjectDocument = d.Subject?.IdentityDocument;
            subjectAddress = d.Subject?.Address;
            subjectOther = d.Subject?.OtherDetails;
            comment = d.Comment;
            answerDate = d.RequestedAnswerDate;
        }
    }

    private string? FieldError(string field) => EditorStore.Value.ErrorField == field ? EditorStore.Value.Error : null;

    private void Toggle(string code, bool on)
    {
        if (on) chosen.Add(code); else chosen.Remove(code);
    }

    private void ChangeArea(string code)
    {
        // A select may report its value again while it renders: only a real change starts the questions afresh.
        if (code == area || string.IsNullOrEmpty(code))
            return;
        area = code;
        chosen.Clear();
        Dispatcher.Dispatch(new LoadEditorAction(userId, null, code, responder?.Id ?? To));
        initializedFor = null;
    }

    private void Save(bool send)
    {
        if (editor is not { } e)
            return;
        var (due, born) = (answerDate, subjectBorn);
        var subject = new[] { subjectName, subjectNationality, subjectDocument, subjectAddress, subjectOther }.All(string.IsNullOrWhiteSpace) && born is null
            ? null
            : new SubjectData(subjectName ?? "", born, subjectNationality, subjectDocument, subjectAddress, subjectOther);
        var content = new DraftContent(responder?.Id, e.Questions.Select(q => q.Code).Where(chosen.Contains).ToList(),
            freeQuestions.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q!).ToList(), subject, comment, due);
        Dispatcher.Dispatch(new SaveDraftAction(userId, e.RequestId, e.Revision, area, content, send));
    }

    private void Attach(Microsoft.AspNetCore.Components.Forms.IBrowserFile file)
    {
        if (editor is { RequestId: { } id } e)
            Dispatcher.Dispatch(new RunDraftFileCommandAction(userId, new AttachFile(id, e.Revision, AttachmentSide.Request, file.Name, file.Size,
                () => file.OpenReadStream(RequestService.MaxUploadBytes))));
    }

    private void RemoveFile(Guid requestId, Guid attachmentId)
    {
        if (editor is { } e)
            Dispatcher.Dispatch(new RunDraftFileCommandAction(userId, new RemoveFile(requestId, e.Revision, attachmentId)));
    }
}
