using Imi.Infrastructure.Allocation;
using Imi.Domain.Common;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;
using Imi.Portal.Account;
using Imi.Portal.Store.Session;
using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Store.Profile;

/// <summary>The four forms of "My profile".</summary>
public enum ProfileSection
{
    Language,
    Contact,
    Password,
    SecurityCode,
    Digest,
    Absence,
}

/// <summary>"My profile": the user as the page shows them, which form is being saved, and why the last one was refused.</summary>
[FeatureState]
public sealed record ProfileState
{
    public ProfileView? View { get; init; }
    public bool IsLoading { get; init; }
    public ProfileSection? Saving { get; init; }
    /// <summary>The form saved last (its confirmation shows until the next command).</summary>
    public ProfileSection? Saved { get; init; }
    /// <summary>The form the last refusal is about, and its message when it names no field of that form.</summary>
    public ProfileSection? Refused { get; init; }
    public string? Error { get; init; }
    /// <summary>Why the last command was refused, per field ("GivenName", "CurrentPassword", …).</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
    /// <summary>Increases when the saved data changed: the contact form takes a fresh copy then.</summary>
    public int Generation { get; init; }

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
    public string? ErrorOf(ProfileSection section) => Refused == section ? Error : null;
}

public sealed record LoadProfileAction(Guid UserId);
public sealed record ProfileLoadedAction(ProfileView View);
public sealed record ChooseProfileLanguageAction(Guid UserId, string LanguageCode);
public sealed record SaveContactAction(Guid UserId, ContactChange Change);
public sealed record ContactSavedAction(ProfileView View);
public sealed record SetWeeklyDigestAction(Guid UserId, bool Receive);
public sealed record WeeklyDigestSavedAction(ProfileView View);
/// <summary>The user's own absence (from-to) and deputy; <c>Remove</c>: take it away.</summary>
public sealed record SaveOwnAbsenceAction(Guid UserId, DateOnly From, DateOnly To, Guid? DeputyId);
public sealed record RemoveOwnAbsenceAction(Guid UserId);
public sealed record AbsenceSavedAction(ProfileView View);
public sealed record ChangePasswordAction(Guid UserId, string CurrentPassword, string NewPassword);
public sealed record ChangeSecurityCodeAction(Guid UserId, string CurrentPassword, string CurrentSecurityCode, string NewSecurityCode);
/// <summary>Saved; the page reloads (a new language, or a renewed session after a new password or code).</summary>
public sealed record ProfileReloadingAction(ProfileSection Section);
public sealed record ProfileCommandFailedAction(ProfileSection Section, string Message, string? Field);

public static class ProfileReducers
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>The fields each form shows, so a refusal naming another field shows above the form instead.</summary>
    private static readonly Dictionary<ProfileSection, string[]> FieldsOf = new()
    {
        [ProfileSection.Language] = ["PreferredLanguageCode"],
        [ProfileSection.Contact] = ["GivenName", "FamilyName", "Phone"],
        [ProfileSection.Password] = [ProfileService.Fields.CurrentPassword, ProfileService.Fields.NewPassword],
        [ProfileSection.Digest] = [],
        [ProfileSection.Absence] = ["absenceFrom", "absenceTo", "deputy"],
        [ProfileSection.SecurityCode] = [ProfileService.Fields.CurrentPassword, ProfileService.Fields.CurrentSecurityCode, ProfileService.Fields.NewSecurityCode],
    };

    /// <summary>Opening the page again starts without the last visit's messages.</summary>
    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, LoadProfileAction _) =>
        state with { IsLoading = true, Saving = null, Saved = null, Refused = null, Error = null, FieldErrors = NoErrors };

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ProfileLoadedAction action) =>
        state with { IsLoading = false, View = action.View, Generation = state.Generation + 1 };

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ChooseProfileLanguageAction _) => Start(state, ProfileSection.Language);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, SaveContactAction _) => Start(state, ProfileSection.Contact);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ChangePasswordAction _) => Start(state, ProfileSection.Password);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, SetWeeklyDigestAction _) => Start(state, ProfileSection.Digest);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, WeeklyDigestSavedAction action) =>
        state with { Saving = null, Saved = ProfileSection.Digest, View = action.View, Generation = state.Generation + 1 };

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ChangeSecurityCodeAction _) => Start(state, ProfileSection.SecurityCode);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, SaveOwnAbsenceAction _) => Start(state, ProfileSection.Absence);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, RemoveOwnAbsenceAction _) => Start(state, ProfileSection.Absence);

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, AbsenceSavedAction action) =>
        state with { Saving = null, Saved = ProfileSection.Absence, View = action.View, Generation = state.Generation + 1 };

    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ContactSavedAction action) =>
        state with { Saving = null, Saved = ProfileSection.Contact, View = action.View, Generation = state.Generation + 1 };

    /// <summary>The form stays disabled while the page reloads.</summary>
    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ProfileReloadingAction action) => state with { Saving = action.Section };

    /// <summary>What was typed stays (the forms keep their own copy); the message goes next to its field.</summary>
    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, ProfileCommandFailedAction action)
    {
        var onForm = action.Field is not null && FieldsOf[action.Section].Contains(action.Field);
        return state with
        {
            Saving = null,
            Refused = action.Section,
            Error = onForm ? null : action.Message,
            FieldErrors = onForm ? new Dictionary<string, string> { [action.Field!] = action.Message } : NoErrors,
        };
    }

    /// <summary>An unexpected failure: the form is usable again; the shell's notification says what happened.</summary>
    [ReducerMethod]
    public static ProfileState Reduce(ProfileState state, EffectFailedAction action) => action.Action switch
    {
        LoadProfileAction => state with { IsLoading = false },
        ChooseProfileLanguageAction or SaveContactAction or SetWeeklyDigestAction or ChangePasswordAction or ChangeSecurityCodeAction
            or SaveOwnAbsenceAction or RemoveOwnAbsenceAction => state with { Saving = null },
        _ => state,
    };

    private static ProfileState Start(ProfileState state, ProfileSection section) =>
        state with { Saving = section, Saved = null, Refused = null, Error = null, FieldErrors = NoErrors };
}

public sealed class ProfileEffects(ProfileService profiles, AllocationService allocation, SessionRenewal renewal, NavigationManager navigation, Texts texts)
{
    [EffectMethod]
    public Task Handle(SaveOwnAbsenceAction action, IDispatcher dispatcher) =>
        ArrangeAbsenceAsync(action.UserId, new RecordAbsence(action.UserId, action.From, action.To, action.DeputyId), dispatcher);

    [EffectMethod]
    public Task Handle(RemoveOwnAbsenceAction action, IDispatcher dispatcher) =>
        ArrangeAbsenceAsync(action.UserId, new EndAbsence(action.UserId), dispatcher);

    private async Task ArrangeAbsenceAsync(Guid userId, AllocationCommand command, IDispatcher dispatcher)
    {
        if (await RunAsync(ProfileSection.Absence, dispatcher, () => allocation.ExecuteAsync(userId, command)))
            dispatcher.Dispatch(new AbsenceSavedAction(await profiles.GetAsync(userId)));
    }

    [EffectMethod]
    public async Task Handle(LoadProfileAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new ProfileLoadedAction(await profiles.GetAsync(action.UserId)));

    /// <summary>Saved here, then the language endpoint sets the language cookie and the page reloads in it.</summary>
    [EffectMethod]
    public async Task Handle(ChooseProfileLanguageAction action, IDispatcher dispatcher)
    {
        if (!PortalLanguages.Codes.Contains(action.LanguageCode))
        {
            dispatcher.Dispatch(new ProfileCommandFailedAction(ProfileSection.Language, texts["Profile.Language.Unknown"], "PreferredLanguageCode"));
            return;
        }
        if (!await RunAsync(ProfileSection.Language, dispatcher, () => profiles.ChoosePreferredLanguageAsync(action.UserId, action.LanguageCode)))
            return;
        dispatcher.Dispatch(new ProfileReloadingAction(ProfileSection.Language));
        navigation.NavigateTo($"language?code={action.LanguageCode}&returnUrl={Uri.EscapeDataString(ProfilePaths.After(ProfileSection.Language))}", forceLoad: true);
    }

    [EffectMethod]
    public async Task Handle(SaveContactAction action, IDispatcher dispatcher)
    {
        ProfileView? saved = null;
        if (!await RunAsync(ProfileSection.Contact, dispatcher, async () => saved = await profiles.ChangeContactAsync(action.UserId, action.Change)))
            return;
        dispatcher.Dispatch(new ContactSavedAction(saved!));
        dispatcher.Dispatch(new LoadSessionAction(action.UserId)); // the shell shows the new name
    }

    [EffectMethod]
    public async Task Handle(SetWeeklyDigestAction action, IDispatcher dispatcher)
    {
        ProfileView? saved = null;
        if (await RunAsync(ProfileSection.Digest, dispatcher, async () => saved = await profiles.SetWeeklyDigestAsync(action.UserId, action.Receive)))
            dispatcher.Dispatch(new WeeklyDigestSavedAction(saved!));
    }

    [EffectMethod]
    public async Task Handle(ChangePasswordAction action, IDispatcher dispatcher)
    {
        string? stamp = null;
        if (await RunAsync(ProfileSection.Password, dispatcher,
                async () => stamp = await profiles.ChangePasswordAsync(action.UserId, action.CurrentPassword, action.NewPassword)))
            Renew(ProfileSection.Password, action.UserId, stamp!, dispatcher);
    }

    [EffectMethod]
    public async Task Handle(ChangeSecurityCodeAction action, IDispatcher dispatcher)
    {
        string? stamp = null;
        if (await RunAsync(ProfileSection.SecurityCode, dispatcher,
                async () => stamp = await profiles.ChangeSecurityCodeAsync(action.UserId, action.CurrentPassword, action.CurrentSecurityCode, action.NewSecurityCode)))
            Renew(ProfileSection.SecurityCode, action.UserId, stamp!, dispatcher);
    }

    /// <summary>
    /// Every session of the user ended with the old stamp, this circuit's too (it may already show "session ended"):
    /// the browser fetches a cookie with the new stamp at once, and the page reloads with it. Done here, not by the
    /// page, which may be gone by then.
    /// </summary>
    private void Renew(ProfileSection section, Guid userId, string stamp, IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new ProfileReloadingAction(section));
        navigation.NavigateTo(renewal.Url(userId, stamp, ProfilePaths.After(section)), forceLoad: true);
    }

    private async Task<bool> RunAsync(ProfileSection section, IDispatcher dispatcher, Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (DomainException e) when (e is not NotPermittedException)
        {
            dispatcher.Dispatch(new ProfileCommandFailedAction(section, texts.Refusal(e), e.Field));
            return false;
        }
    }
}

/// <summary>Where the page returns after a reload, saying what was saved.</summary>
public static class ProfilePaths
{
    public const string Page = "/profile";

    public static string After(ProfileSection section) => $"{Page}?saved={section}";
}
