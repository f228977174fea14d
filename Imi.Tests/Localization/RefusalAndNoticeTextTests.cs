using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Tests.Support;
using Imi.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace Imi.Tests.Localization;

/// <summary>
/// The domain and the services refuse (and report) with codes, never with English sentences; every
/// code has its English text and every text its code.
/// </summary>
public partial class RefusalAndNoticeTextTests
{
    private static readonly TextCatalog Catalog = TextCatalog.Shipped;
    private static readonly LanguageTexts English = new Texts(Catalog).In("en");

    /// <summary>The values of every <c>public const string</c> in a static class and its nested classes.</summary>
    private static List<string> CodesOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(type.GetNestedTypes().SelectMany(CodesOf)).ToList();

    public static TheoryData<string, string> Areas() => new() { { "Refusals", nameof(Refusals) }, { "Notices", nameof(Notices) } };

    [Theory]
    [MemberData(nameof(Areas))]
    public void EveryCode_HasAnEnglishText_AndEveryTextACode(string area, string _)
    {
        var codes = CodesOf(area == "Refusals" ? typeof(Refusals) : typeof(Notices));
        Assert.Equal(codes.Count, codes.Distinct().Count()); // each code defined once
        var texts = Catalog.TextsOf("en").Keys.Where(k => k.StartsWith(area + ".", StringComparison.Ordinal)).Select(k => k[(area.Length + 1)..]).ToHashSet();
        Assert.Empty(codes.Where(c => !texts.Contains(c)).Select(c => $"{area}.{c}: no English text"));
        Assert.Empty(texts.Where(t => !codes.Contains(t)).Select(t => $"{area}.{t}: no code (left over?)"));
    }

    [Fact]
    public void EveryConstName_IsItsCode()
    {
        // Refusals.Request.NotInState = "Request.NotInState": the code reads as the constant's path.
        foreach (var type in new[] { typeof(Refusals), typeof(Notices) })
            foreach (var nested in type.GetNestedTypes())
                foreach (var field in nested.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                    Assert.Equal($"{nested.Name}.{field.Name}", field.GetRawConstantValue());
    }

    [Fact]
    public void NoSourceOfTheDomainOrTheServices_RefusesWithALiteralSentence()
    {
        var root = Solution.Root;
        var offences = new List<string>();
        foreach (var project in new[] { "Imi.Domain", "Imi.Infrastructure" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (LiteralRefusal().IsMatch(lines[i]))
                        offences.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offences.Count == 0, "Refuse with a code of Refusals, not a sentence:\n" + string.Join("\n", offences));
    }

    // new DomainException("…") / new NotPermittedException($"…") / : DomainException("…") / Exception($"…") of a refusal class.
    [GeneratedRegex(@"(new\s+(\w+\.)*(DomainException|NotPermittedException|ChangedBySomeoneElseException)|:\s*DomainException)\s*\(\s*\$?@?""")]
    private static partial Regex LiteralRefusal();

    [Fact]
    public void TheSourceScan_FindsALiteralRefusal()
    {
        Assert.Matches(LiteralRefusal(), "throw new DomainException(\"The file is no longer attached.\");");
        Assert.Matches(LiteralRefusal(), "throw new Common.NotPermittedException($\"You may not {x}.\");");
        Assert.DoesNotMatch(LiteralRefusal(), "throw new DomainException(Refusals.Attachments.NoLongerAttached);");
    }

    [Fact]
    public void ARefusal_IsWrittenWithItsValues_InTheReadersFormats()
    {
        var tooLarge = new DomainException(Refusals.Attachments.TooLarge, "attachments", ("fileName", "scan.png"), ("size", 11.0), ("max", 10L));
        Assert.Equal("\"scan.png\" is 11.0 MB; a file may be at most 10 MB.", English.Refusal(tooLarge));
        var german = new LanguageTexts(Catalog, "de", CultureInfo.GetCultureInfo("de-DE"));
        Assert.Contains("11,0", german.Refusal(tooLarge));

        var born = new DomainException(Refusals.Input.DateOfBirthOutOfRange, SubjectData.DateOfBirthField, ("earliest", RequestDates.EarliestDateOfBirth));
        Assert.Equal("The date of birth must be between 01/01/1900 and today.", new LanguageTexts(Catalog, "en", CultureInfo.GetCultureInfo("en-IE")).Refusal(born));
    }

    [Fact]
    public void UnansweredQuestions_AreCountedInAPluralText()
    {
        Assert.StartsWith("1 question has no answer yet. Answer it,", English.Refusal(new DomainException(Refusals.Request.Unanswered, "answers", ("count", 1))));
        Assert.StartsWith("2 questions have no answer yet. Answer them,", English.Refusal(new DomainException(Refusals.Request.Unanswered, "answers", ("count", 2))));
    }

    [Fact]
    public void ACodeWithoutAText_ShowsItsKey_NotASentenceFromElsewhere()
    {
        Assert.Equal("Refusals.No.Such", English.Refusal(new DomainException("No.Such")));
    }

    [Fact]
    public void ANotice_IsWrittenWithItsValues()
    {
        Assert.Equal("\"diplome.pdf\" attached.", English.Notice(new Notice(Notices.Requests.FileAttached, ("fileName", "diplome.pdf"))));
        Assert.Equal("Step 7 completed.", English.Notice(new Notice(Notices.Setup.StepCompleted, ("step", 7))));
    }

    [Fact]
    public void EveryPasswordRuleOfIdentity_HasItsOwnRefusal_WithTheRulesValues()
    {
        var describer = new IdentityErrorDescriber();
        var rules = new PasswordOptions { RequiredLength = 10, RequiredUniqueChars = 3 };
        IdentityError[] errors =
        [
            describer.PasswordTooShort(10), describer.PasswordRequiresNonAlphanumeric(), describer.PasswordRequiresDigit(),
            describer.PasswordRequiresLower(), describer.PasswordRequiresUpper(), describer.PasswordRequiresUniqueChars(3),
            new() { Code = CommonPasswordValidator.CommonCode }, new() { Code = CommonPasswordValidator.ContainsUsernameCode },
        ];
        foreach (var error in errors)
        {
            var refusal = SignInService.PasswordRefusal(error, rules);
            Assert.Equal("Password." + error.Code, refusal.Code);
            Assert.Equal("NewPassword", refusal.Field);
            Assert.DoesNotContain("Password.", English.Refusal(refusal)); // a text, not a key
        }
        Assert.Equal("Choose a password of at least 10 characters.", English.Refusal(SignInService.PasswordRefusal(describer.PasswordTooShort(10), rules)));
        Assert.Equal(Refusals.Password.NotAccepted, SignInService.PasswordRefusal(new IdentityError { Code = "SomethingNew" }, rules).Code);
    }
}
