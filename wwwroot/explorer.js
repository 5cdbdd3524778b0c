// Small browser helpers the explorer page calls through JS interop: Blazor Server cannot scroll, save a file or use
// the clipboard from the server.
window.explorer = {
    // Brings an element (by id) into view unless its top is already on screen (the result when a run starts).
    reveal(id) {
        const element = document.getElementById(id);
        if (!element) return;
        const box = element.getBoundingClientRect();
        if (box.top < 0 || box.top > window.innerHeight - 80) element.scrollIntoView({ block: 'start' });
    },
    // Saves a file the server streams (a result's JSON, a heatmap's SVG).
    async download(name, type, streamReference) {
        const url = URL.createObjectURL(new Blob([await streamReference.arrayBuffer()], { type }));
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    },
    // The theme the user chose last ("dark" / "light"), kept in this browser only; null when none or storage is off.
    savedTheme() {
        try { return localStorage.getItem('explorer-theme'); } catch { return null; }
    },
    saveTheme(theme) {
        try { localStorage.setItem('explorer-theme', theme); } catch { /* storage off: the choice lasts for this page */ }
    },
    // True when the text reached the clipboard (the API refuses outside secure contexts or without permission).
    async copy(text) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            return false;
        }
    },
};
