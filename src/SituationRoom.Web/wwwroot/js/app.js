// Starts Blazor so that a wall never waits for a click: it retries the connection forever and reloads
// the page once the server is back with a new process (its old circuit is then rejected).
(function () {
    const wibOffsetMs = 7 * 60 * 60 * 1000;

    function wibTime(date) {
        return new Date(date.getTime() + wibOffsetMs).toISOString().substring(11, 19);
    }

    function tickClock() {
        const now = wibTime(new Date());
        document.querySelectorAll("[data-clock]").forEach(el => { el.textContent = now; });
    }

    function setConnection(online) {
        const el = document.getElementById("connection-state");
        if (el) {
            el.classList.toggle("offline", !online);
        }
    }

    function reloadWhenServerAnswers() {
        const attempt = () => fetch("/health", { cache: "no-store" })
            .then(r => { if (r.ok) { location.reload(); } else { setTimeout(attempt, 2000); } })
            .catch(() => setTimeout(attempt, 2000));
        attempt();
    }

    function watchReconnect() {
        const banner = document.getElementById("components-reconnect-modal");
        if (!banner) {
            return;
        }
        const text = banner.querySelector(".reconnect-text");
        new MutationObserver(() => {
            const c = banner.classList;
            const down = c.contains("components-reconnect-show") || c.contains("components-reconnect-failed") || c.contains("components-reconnect-rejected");
            setConnection(!down);
            if (down && text) {
                const wall = document.querySelector("[data-asof]");
                const asOf = wall ? wall.getAttribute("data-asof") : wibTime(new Date());
                text.textContent = (text.getAttribute("data-template") || "").replace("{time}", asOf);
            }
            if (c.contains("components-reconnect-rejected") || c.contains("components-reconnect-failed")) {
                reloadWhenServerAnswers();
            }
        }).observe(banner, { attributes: true, attributeFilter: ["class"] });
    }

    tickClock();
    setInterval(tickClock, 1000);
    watchReconnect();
    Blazor.start({
        circuit: {
            reconnectionOptions: { maxRetries: 1000000, retryIntervalMilliseconds: 2000 },
        },
    });
})();
