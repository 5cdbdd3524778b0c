namespace Explorer.App.State;

/// <summary>Where the page's current run is.</summary>
public enum RunState { Idle, Queued, Running, Done, Cancelled, Failed }
