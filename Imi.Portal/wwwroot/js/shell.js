// The shell's navigation drawer (Components/Layout/MainLayout.razor), opened and closed in the browser: the server keeps
// no state for it. MudBlazor's CSS shows a drawer marked "initial" beside the page on wide screens and hides it on
// narrow ones; after the first use of the menu button the drawer is explicitly open or closed, over the page on
// narrow screens (closed again by Escape or by following one of its links).
(() => {
    const wide = window.matchMedia("(min-width: 960px)");
    const drawer = () => document.getElementById("imi-drawer");

    const isOpen = d => d.classList.contains("mud-drawer--initial") ? wide.matches : d.classList.contains("mud-drawer--open");

    function show(open) {
        const d = drawer();
        if (!d) return;
        d.classList.remove("mud-drawer--initial");
        d.classList.toggle("mud-drawer--open", open);
        d.classList.toggle("mud-drawer--closed", !open);
        document.getElementById("imi-layout")?.classList.toggle("mud-drawer-open-responsive-md-left", open);
        document.getElementById("imi-nav-toggle")?.setAttribute("aria-expanded", open ? "true" : "false");
    }

    document.addEventListener("click", e => {
        const d = drawer();
        if (!d || !(e.target instanceof Element)) return;
        if (e.target.closest("#imi-nav-toggle")) show(!isOpen(d));
        else if (!wide.matches && e.target.closest("#imi-drawer a")) show(false);
    });
    document.addEventListener("keydown", e => {
        const d = drawer();
        if (e.key === "Escape" && d && !wide.matches && isOpen(d)) {
            show(false);
            document.getElementById("imi-nav-toggle")?.focus();
        }
    });
    // Crossing the breakpoint starts afresh: beside the page when wide, hidden when narrow.
    wide.addEventListener("change", () => show(wide.matches));
})();

// The allocation board's drags and its columns' "Capacity and absence" buttons (Components/Requests/BoardEvents.cs): one
// handler per board on the server, told which card and which column from the elements' data-card and data-column; a
// column takes a drop (dragover and drop prevented there, so the browser neither refuses the drop nor opens the dragged
// card's link).
(() => {
    const element = e => e.target instanceof Element ? e.target : e.target?.parentElement ?? null;
    const where = e => {
        const target = element(e);
        return { card: target?.closest("[data-card]")?.dataset.card ?? null, column: target?.closest("[data-column]")?.dataset.column ?? null };
    };
    for (const [name, browserEventName] of [["boarddragstart", "dragstart"], ["boarddragenter", "dragenter"], ["boarddrop", "drop"], ["boarddragend", "dragend"]])
        window.Blazor?.registerCustomEventType(name, { browserEventName, createEventArgs: where });
    window.Blazor?.registerCustomEventType("boardarrange", { browserEventName: "imiarrange", createEventArgs: where });
    // The server renders anew, or takes away, the button that had the focus: the focus would fall to the page. Once the
    // button is gone, it goes to what find() gives (if nothing else took it meanwhile).
    const keepFocus = (clicked, scope, find) => {
        if (document.activeElement !== clicked) return;
        const observer = new MutationObserver(() => {
            const target = clicked.isConnected ? null : find();
            if (!target) return;
            observer.disconnect();
            if (!document.activeElement || document.activeElement === document.body) target.focus();
        });
        observer.observe(scope, { childList: true, subtree: true });
        setTimeout(() => observer.disconnect(), 10000);
    };
    // "Capacity and absence" is rendered anew (open or closed), or its form goes (saved, cancelled): the focus stays on,
    // or comes back to, the column's "Capacity and absence".
    document.addEventListener("click", e => {
        const clicked = element(e)?.closest("[data-arrange], [data-arrange-form] button");
        const column = clicked?.closest("[data-column]");
        if (!column) return;
        keepFocus(clicked, column, () => column.querySelector("[data-arrange]"));
        if (clicked.matches("[data-arrange]")) clicked.dispatchEvent(new CustomEvent("imiarrange", { bubbles: true }));
    });
    // A card's "Change allocation" opens its editor in the button's place; Save or Cancel closes it (a saved card may
    // move to other columns): the focus goes into the editor, then back to the card's "Change allocation".
    document.addEventListener("click", e => {
        const clicked = element(e)?.closest("[data-edit-allocation], [data-allocation-editor] button");
        const card = clicked?.closest("[data-card]")?.dataset.card;
        if (!card) return;
        const next = clicked.matches("[data-edit-allocation]") ? "[data-allocation-editor] input" : "[data-edit-allocation]";
        keepFocus(clicked, document.body, () => document.querySelector(`[data-card="${card}"] ${next}`));
    });
    for (const type of ["dragover", "drop"])
        document.addEventListener(type, e => { if (element(e)?.closest("[data-column]")) e.preventDefault(); });
})();
