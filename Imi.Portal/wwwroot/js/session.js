// Idle sign-out: after `timeoutMs` without keyboard, pointer or scroll activity, submits the
// sign-out form. While the user is active, pings the server so the sliding session cookie stays
// valid (a Blazor circuit does not renew cookies by itself).
let state = null;

export function watchIdle(formId, timeoutMs, keepAliveMs) {
    stop();
    const s = { lastActivity: Date.now(), lastPing: Date.now(), timers: [] };
    const onActivity = () => { s.lastActivity = Date.now(); };
    const events = ["mousemove", "mousedown", "keydown", "scroll", "touchstart", "wheel"];
    events.forEach(e => window.addEventListener(e, onActivity, { passive: true }));
    s.remove = () => events.forEach(e => window.removeEventListener(e, onActivity));
    s.timers.push(setInterval(() => {
        const now = Date.now();
        if (now - s.lastActivity >= timeoutMs) {
            stop();
            document.getElementById(formId)?.submit();
        } else if (s.lastActivity > s.lastPing && now - s.lastPing >= keepAliveMs) {
            s.lastPing = now;
            fetch("account/keep-alive", { credentials: "same-origin" }).catch(() => {});
        }
    }, Math.max(250, Math.min(keepAliveMs, timeoutMs) / 4)));
    state = s;
}

export function stop() {
    if (!state) return;
    state.timers.forEach(clearInterval);
    state.remove();
    state = null;
}
