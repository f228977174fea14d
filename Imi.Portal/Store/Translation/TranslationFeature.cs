using Imi.Infrastructure.Localization;
using Imi.Domain.Common;
using Imi.Infrastructure.Translation;

namespace Imi.Portal.Store.Translation;

/// <summary>The translator's queue and the authority being translated.</summary>
[FeatureState]
public sealed record TranslationState
{
    public IReadOnlyList<TranslationJob>? Queue { get; init; }
    public TranslationWork? Work { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
}

public sealed record LoadTranslationQueueAction(Guid UserId);
public sealed record TranslationQueueLoadedAction(IReadOnlyList<TranslationJob> Queue);
public sealed record LoadTranslationWorkAction(Guid UserId, Guid AuthorityId);
public sealed record TranslationWorkLoadedAction(TranslationWork Work, string? Message = null);
public sealed record SaveTranslationAction(Guid UserId, Guid AuthorityId, int Revision, string Language, string Title, string? Profile, bool Complete);
public sealed record TranslationFailedAction(string Message);

public static class TranslationReducers
{
    [ReducerMethod]
    public static TranslationState Reduce(TranslationState state, TranslationQueueLoadedAction action) => state with { Queue = action.Queue };

    [ReducerMethod]
    public static TranslationState Reduce(TranslationState state, LoadTranslationWorkAction _) => state with { Work = null, Message = null, Error = null };

    [ReducerMethod]
    public static TranslationState Reduce(TranslationState state, TranslationWorkLoadedAction action) =>
        state with { Work = action.Work, Message = action.Message, Error = null };

    [ReducerMethod]
    public static TranslationState Reduce(TranslationState state, TranslationFailedAction action) => state with { Error = action.Message, Message = null };
}

public sealed class TranslationEffects(TranslationService translations, Texts texts)
{
    [EffectMethod]
    public async Task Handle(LoadTranslationQueueAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new TranslationQueueLoadedAction(await translations.QueueAsync(action.UserId, Texts.CurrentLanguage)));

    [EffectMethod]
    public async Task Handle(LoadTranslationWorkAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new TranslationWorkLoadedAction(await translations.GetAsync(action.UserId, action.AuthorityId, Texts.CurrentLanguage)));

    [EffectMethod]
    public async Task Handle(SaveTranslationAction action, IDispatcher dispatcher)
    {
        try
        {
            var work = await translations.SaveAsync(action.UserId, action.AuthorityId, action.Revision, action.Language, action.Title, action.Profile, action.Complete, Texts.CurrentLanguage);
            dispatcher.Dispatch(new TranslationWorkLoadedAction(work, texts[action.Complete ? "Translation.Work.SavedAndCompleted" : "Translation.Work.Saved"]));
        }
        catch (DomainException e)
        {
            dispatcher.Dispatch(new TranslationFailedAction(texts.Refusal(e)));
        }
    }
}
