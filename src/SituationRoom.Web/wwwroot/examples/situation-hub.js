// The example consumer of /hubs/situation: see situation-hub.html. Kept in its own file because the
// site's Content-Security-Policy (script-src 'self') refuses inline scripts, as it should.
// In a browser the session cookie is the credential; a server-to-server consumer adds
// { accessTokenFactory: () => deviceToken } to withUrl (docs/wall.md, "Server-to-server consumers").
"use strict";
// Every version received, for the browser test; a real consumer keeps only the newest.
window.situationVersions = [];

const number = new Intl.NumberFormat("id-ID");
const time = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const state = document.getElementById("state");
const setState = s => { state.dataset.state = s; state.textContent = s; };
let newest = 0;

function show(snapshot) {
    // Latest wins: anything older than what is on screen (e.g. a late "Current" answer) is ignored.
    if (snapshot.version <= newest) {
        return;
    }
    newest = snapshot.version;
    window.situationVersions.push(snapshot.version);
    document.getElementById("version").textContent = snapshot.version;
    document.getElementById("asof").textContent = time.format(new Date(snapshot.asOf));
    document.getElementById("open").textContent = number.format(snapshot.complaints.open);
    document.getElementById("wifi").textContent = number.format(snapshot.wifi.up) + " / " + number.format(snapshot.wifi.active);
    document.getElementById("cctv").textContent = number.format(snapshot.cctv.online) + " / " + number.format(snapshot.cctv.active);
    document.getElementById("count").textContent = window.situationVersions.length;
    const item = document.createElement("li");
    item.textContent = "v" + snapshot.version + " · " + time.format(new Date(snapshot.asOf));
    const log = document.getElementById("log");
    log.prepend(item);
    while (log.children.length > 20) {
        log.lastChild.remove();
    }
}

const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/situation")
    // Keep trying for ever, every 2 seconds: a screen in a room has no one to press "retry".
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 })
    .build();
connection.on("snapshot", show);
connection.onreconnecting(() => setState("reconnecting"));
connection.onreconnected(() => { setState("connected"); connection.invoke("Current").then(show); });
connection.onclose(() => { setState("disconnected"); setTimeout(start, 2000); });

function start() {
    connection.start()
        .then(() => setState("connected"))
        .catch(() => { setState("disconnected"); setTimeout(start, 2000); });
}
start();
