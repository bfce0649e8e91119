// Starts Blazor so that a wall never waits for a click: it retries the connection forever and reloads
// the page once the server is back with a new process (its old circuit is then rejected).
(function () {
    const wibOffsetMs = 7 * 60 * 60 * 1000;

    function wibTime(date) {
        return new Date(date.getTime() + wibOffsetMs).toISOString().substring(11, 19);
    }

    function wibDate(date) {
        const lang = document.documentElement.lang === "en" ? "en-GB" : "id-ID";
        return new Intl.DateTimeFormat(lang, { timeZone: "Asia/Jakarta", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
    }

    // "12 dtk lalu" / "3 min ago": the template and unit words come from the page, in its language.
    function ageText(ms, wall) {
        const units = (wall.getAttribute("data-age-units") || "s,min,h,d").split(",");
        const template = wall.getAttribute("data-age-template") || "{0}";
        const s = Math.max(0, Math.floor(ms / 1000));
        const text = s < 60 ? s + " " + units[0]
            : s < 3600 ? Math.floor(s / 60) + " " + units[1]
            : s < 86400 ? Math.floor(s / 3600) + " " + units[2]
            : Math.floor(s / 86400) + " " + units[3];
        return template.replace("{0}", text);
    }

    function tickClock() {
        const date = new Date();
        const now = wibTime(date);
        document.querySelectorAll("[data-clock]").forEach(el => { el.textContent = now; });
        document.querySelectorAll("[data-date]").forEach(el => { el.textContent = wibDate(date); });
        const wall = document.querySelector(".wall[data-age-template]");
        if (wall) {
            document.querySelectorAll("[data-since]").forEach(el => {
                el.textContent = ageText(date.getTime() - Number(el.getAttribute("data-since")), wall);
            });
        }
    }

    function setConnection(online) {
        const el = document.getElementById("connection-state");
        if (el) {
            el.classList.toggle("offline", !online);
        }
    }

    let reloading = false;

    function reloadWhenServerAnswers() {
        if (reloading) {
            return;
        }
        reloading = true;
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
