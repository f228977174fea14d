using Microsoft.AspNetCore.Components;

namespace Imi.Portal.Components.Requests;

/// <summary>
/// A drag on the allocation board, or a click on a handler's "Capacity and absence", heard once per board instead of on
/// each of its columns and cards (forty or more columns and up to 500 cards: every handler is frames and a delegate kept
/// in each live circuit, and new ones at every render): which card is dragged and over or onto which column, read in the
/// browser from the elements' <c>data-card</c> and <c>data-column</c> (a handler's user id, or
/// <see cref="Unallocated"/>). <c>wwwroot/js/shell.js</c> registers the events, lets a column take a drop, and raises
/// "arrange" for a click on a <c>data-arrange</c> button.
/// </summary>
public sealed class BoardEventArgs : EventArgs
{
    public const string Unallocated = "unallocated";

    /// <summary>The dragged card's request id (on a drag's start), null elsewhere.</summary>
    public string? Card { get; set; }

    /// <summary>The column the event happened in, null outside every column.</summary>
    public string? Column { get; set; }
}

[EventHandler("onboarddragstart", typeof(BoardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onboarddragenter", typeof(BoardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onboarddrop", typeof(BoardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onboarddragend", typeof(BoardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onboardarrange", typeof(BoardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
// The Razor compiler finds these only on a class named EventHandlers: under another name it compiled "@onboarddrop" into a
// plain attribute without a word of warning, and no drag reached the server.
public static class EventHandlers;
