// Idle sign-out on live pages (loaded by App.razor): after the idle time without keyboard, pointer or scroll activity,
// submits the shell's sign-out form (#idle-sign-out, Components/Layout/MainLayout.razor), whose data attributes carry
// the idle time and the keep-alive interval. While the user is active, pings the server so the sliding session cookie
// stays valid (a Blazor circuit does not renew cookies by itself). The form is looked up when needed: the live render
// replaces the prerendered one.
(() => {
    const form = () => document.getElementById("idle-sign-out");
    const settings = form();
    if (!settings) return;
    const timeoutMs = Number(settings.dataset.idleMs), keepAliveMs = Number(settings.dataset.keepAliveMs);
    let lastActivity = Date.now(), lastPing = Date.now();
    const onActivity = () => { lastActivity = Date.now(); };
    ["mousemove", "mousedown", "keydown", "scroll", "touchstart", "wheel"]
        .forEach(e => window.addEventListener(e, onActivity, { passive: true }));
    const timer = setInterval(() => {
        const now = Date.now();
        if (now - lastActivity >= timeoutMs) {
            const signOut = form();
            if (!signOut) return; // not on a page of the shell (any more): nothing to sign out from here
            clearInterval(timer);
            signOut.submit();
        } else if (lastActivity > lastPing && now - lastPing >= keepAliveMs) {
            lastPing = now;
            fetch("account/keep-alive", { credentials: "same-origin" }).catch(() => {});
        }
    }, Math.max(250, Math.min(keepAliveMs, timeoutMs) / 4));
})();
