// Says on the page when the Blazor circuit fell back to long polling (a proxy that does not upgrade WebSockets).
// A WebSocket never appears in resource timing; long polling's requests to "_blazor?id=…" do.
new PerformanceObserver(list => {
    if (list.getEntries().some(entry => /\/_blazor\?id=/.test(entry.name)))
        document.getElementById('connection-degraded')?.removeAttribute('hidden');
}).observe({ type: 'resource', buffered: true });
