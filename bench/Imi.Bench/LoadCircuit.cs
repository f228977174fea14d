using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MessagePack;

namespace Imi.Bench;

/// <summary>
/// One signed-in user's open page, held over a real SignalR connection without a browser: what blazor.web.js does for
/// an interactive server page, reduced to what keeps a circuit alive and lets it be clicked. It loads the page over
/// HTTP (the prerender with its component markers), connects to <c>/_blazor</c> with SignalR's MessagePack protocol
/// (named <c>blazorpack</c>), starts the circuit, adds the page's root components, acknowledges every render batch,
/// answers the portal's JavaScript calls, and reads the batches for the elements' click handlers (by their
/// <c>data-testid</c>), so that <see cref="ClickAsync"/> can dispatch a click and time it until the next render batch.
/// </summary>
public sealed partial class LoadCircuit : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Dictionary<string, ulong> _clickHandlers = [];
    private readonly Dictionary<string, int> _clickComponents = [];
    // Elements whose "click" is another event (the allocation board hears its columns' buttons as "boardarrange",
    // told the column): the event's name, and a column seen in the batches to tell it.
    private readonly Dictionary<string, string> _clickEvents = [];
    private string? _column;
    private readonly object _gate = new();
    private TaskCompletionSource? _nextBatch;
    private TaskCompletionSource<string?>? _circuitStarted;
    private Task? _receiving;
    private Timer? _pings;
    private int _nextJsObject = 1;
    private int _nextCall;
    private long _rendererInterop;

    /// <summary>Render batches received so far.</summary>
    public int Batches { get; private set; }

    /// <summary>What the portal reported as an error on this circuit (<c>JS.Error</c>), if anything.</summary>
    public string? Error { get; private set; }

    /// <summary>Opens <paramref name="path"/> as the user whose cookies are in <paramref name="cookies"/>, and waits for its first render.</summary>
    public static async Task<LoadCircuit> OpenAsync(Uri portal, CookieContainer cookies, string path, TimeSpan timeout)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal };
        var html = await http.GetStringAsync(path);
        var markers = MarkerPattern().Matches(html).Select(m => m.Groups[1].Value).Where(m => m.Contains("\"type\":\"server\"")).ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path}: no interactive server component on the page (signed out?).");
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var circuit = new LoadCircuit();
        circuit._socket.Options.Cookies = cookies;
        var ws = new UriBuilder(new Uri(portal, "_blazor")) { Scheme = portal.Scheme == "https" ? "wss" : "ws" }.Uri;
        await circuit._socket.ConnectAsync(ws, CancellationToken.None);
        // The handshake: JSON, ended by the record separator.
        await circuit._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        circuit._circuitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstBatch = circuit.ExpectBatch();
        circuit._receiving = Task.Run(circuit.ReceiveAsync);
        circuit._pings = new Timer(_ => _ = circuit.SendAsync((ref MessagePackWriter w) => { w.WriteArrayHeader(1); w.Write(6); }), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        var pageUri = new Uri(portal, path).ToString();
        await circuit.InvokeAsync("1", "StartCircuit", portal.ToString(), pageUri, "[]", "");
        if (await circuit._circuitStarted.Task.WaitAsync(timeout) is null)
            throw new InvalidOperationException($"{path}: the portal did not start the circuit ({circuit.Error}).");
        var operations = markers.Select((marker, i) => $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{marker}}}");
        await circuit.InvokeAsync(null, "UpdateRootComponents", $"{{\"batchId\":1,\"operations\":[{string.Join(",", operations)}]}}", state);
        await firstBatch.WaitAsync(timeout);
        return circuit;
    }

    /// <summary>Whether a click handler is known for the element with this <c>data-testid</c>.</summary>
    public bool CanClick(string testId)
    {
        lock (_gate)
            return _clickHandlers.ContainsKey(testId);
    }

    /// <summary>One of the elements with a click handler whose <c>data-testid</c> starts so, if any.</summary>
    public string? Clickable(string prefix)
    {
        lock (_gate)
            return _clickHandlers.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order().FirstOrDefault();
    }

    /// <summary>Clicks the element with this <c>data-testid</c>; the milliseconds until the portal's next render batch arrived.</summary>
    public async Task<double> ClickAsync(string testId, TimeSpan timeout)
    {
        ulong handler;
        string? custom, column;
        lock (_gate)
        {
            handler = _clickHandlers[testId];
            custom = _clickEvents.GetValueOrDefault(testId);
            column = _column;
        }
        var rendered = ExpectBatch();
        var watch = Stopwatch.StartNew();
        // As blazor.web.js does: a call to the renderer's interop object (handed over when the renderer attached).
        var dispatch = custom is null
            ? $$"""[{"eventHandlerId":{{handler}},"eventName":"click","eventFieldInfo":null},{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":1,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}]"""
            : $$"""[{"eventHandlerId":{{handler}},"eventName":"{{custom}}","eventFieldInfo":null},{"card":null,"column":"{{column}}"}]""";
        await InvokeAsync(null, "BeginInvokeDotNetFromJS", Interlocked.Increment(ref _nextCall).ToString(), null, "DispatchEventAsync", _rendererInterop, dispatch);
        try
        {
            await rendered.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"A click on {testId} (handler {handler}) was not rendered within {timeout.TotalSeconds} s ({Error}).");
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private Task ExpectBatch()
    {
        lock (_gate)
            return (_nextBatch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    private Task InvokeAsync(string? invocationId, string target, params object?[] arguments) => SendAsync((ref MessagePackWriter w) =>
    {
        // An invocation: [1, headers, invocation id, target, arguments, stream ids]
        w.WriteArrayHeader(6);
        w.Write(1);
        w.WriteMapHeader(0);
        if (invocationId is null)
            w.WriteNil();
        else
            w.Write(invocationId);
        w.Write(target);
        w.WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case null: w.WriteNil(); break;
                case string text: w.Write(text); break;
                case long number: w.Write(number); break;
                case bool flag: w.Write(flag); break;
                default: throw new ArgumentException($"Cannot send {argument.GetType()}.");
            }
        }
        w.WriteArrayHeader(0);
    });

    private async Task SendAsync(Body write)
    {
        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        write(ref writer);
        writer.Flush();
        // Each message is prefixed by its length, seven bits a byte.
        var frame = new List<byte>(body.WrittenCount + 5);
        for (var length = (uint)body.WrittenCount; ; length >>= 7)
        {
            frame.Add((byte)(length < 0x80 ? length : (length & 0x7f) | 0x80));
            if (length < 0x80)
                break;
        }
        frame.AddRange(body.WrittenSpan.ToArray());
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(frame.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        var handshakeDone = false;
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var data = message.ToArray();
                message.SetLength(0);
                var offset = 0;
                if (!handshakeDone)
                {
                    offset = Array.IndexOf(data, (byte)0x1e) + 1;
                    handshakeDone = true;
                }
                while (offset < data.Length)
                {
                    uint length = 0;
                    var shift = 0;
                    byte b;
                    do
                    {
                        b = data[offset++];
                        length |= (uint)(b & 0x7f) << shift;
                        shift += 7;
                    }
                    while ((b & 0x80) != 0);
                    await HandleAsync(new ReadOnlyMemory<byte>(data, offset, (int)length));
                    offset += (int)length;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed.
        }
        _circuitStarted?.TrySetResult(null);
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        reader.ReadArrayHeader();
        var type = reader.ReadInt32();
        if (type == 3)
        {
            // A completion: [3, headers, invocation id, result kind, result?] — only StartCircuit is awaited.
            reader.Skip();
            reader.Skip();
            var kind = reader.ReadInt32();
            _circuitStarted?.TrySetResult(kind == 3 && !reader.TryReadNil() ? reader.ReadString() : null);
            return;
        }
        if (type == 7)
        {
            Error ??= "The portal closed the connection.";
            return;
        }
        if (type != 1)
            return; // pings
        reader.Skip(); // headers
        reader.Skip(); // invocation id
        var target = reader.ReadString();
        var count = reader.ReadArrayHeader();
        switch (target)
        {
            case "JS.RenderBatch":
            {
                var batchId = reader.ReadInt64();
                var bytes = reader.ReadBytes()!.Value.ToArray();
                ReadClickHandlers(bytes);
                await InvokeAsync(null, "OnRenderCompleted", batchId, null);
                TaskCompletionSource? waiting;
                lock (_gate)
                {
                    Batches++;
                    waiting = _nextBatch;
                    _nextBatch = null;
                }
                waiting?.TrySetResult();
                break;
            }
            case "JS.BeginInvokeJS":
            {
                var asyncHandle = reader.ReadInt64();
                var identifier = reader.ReadString();
                var argumentsJson = reader.TryReadNil() ? null : reader.ReadString();
                if (identifier == "Blazor._internal.attachWebRendererInterop" && argumentsJson is not null)
                    _rendererInterop = DotNetObjectPattern().Match(argumentsJson) is { Success: true } m ? long.Parse(m.Groups[1].Value) : 0;
                var resultType = count > 3 ? reader.ReadInt32() : 0;
                if (asyncHandle == 0)
                    break; // nothing awaits it
                // The browser's answer: a JavaScript object reference for an import or a constructor, else nothing.
                var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObject)}}}" : "null";
                await InvokeAsync(null, "EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
                break;
            }
            case "JS.Error":
                Error = reader.ReadString();
                break;
        }
    }

    /// <summary>
    /// The click handlers of the elements in a render batch, by <c>data-testid</c>. A batch ends with five offsets (the
    /// components' diffs, the reference frames, ..., the string table). A diff is the component's id and its edits (16
    /// bytes each: type, sibling index, reference frame, removed attribute). Frames are 20 bytes (type, then 16); an
    /// element's attributes follow it; an attribute holds its name and value (string-table indexes) and its event
    /// handler id. A new element comes as a "prepend frame" edit with its subtree; a re-rendered handler (a new id) as a
    /// "set attribute" edit of the component that rendered the element — known from when the element came.
    /// </summary>
    private void ReadClickHandlers(byte[] batch)
    {
        int Int(int at) => BitConverter.ToInt32(batch, at);
        var end = batch.Length - 20;
        var diffsAt = Int(end);
        var framesAt = Int(end + 4) + 4;
        var stringsAt = Int(end + 16);
        string? Text(int index)
        {
            if (index < 0 || stringsAt + index * 4 >= end)
                return null;
            var at = Int(stringsAt + index * 4);
            using var reader = new BinaryReader(new MemoryStream(batch, at, batch.Length - at), Encoding.UTF8);
            return reader.ReadString();
        }
        int Type(int frame) => Int(framesAt + frame * 20);
        int Field(int frame, int offset) => Int(framesAt + frame * 20 + offset);
        ulong Handler(int frame) => BitConverter.ToUInt64(batch, framesAt + frame * 20 + 12);

        lock (_gate)
        {
            var diffs = Int(diffsAt);
            for (var d = 0; d < diffs; d++)
            {
                var diffAt = Int(diffsAt + 4 + d * 4);
                var component = Int(diffAt);
                var edits = Int(diffAt + 4);
                for (var e = 0; e < edits; e++)
                {
                    var editAt = diffAt + 8 + e * 16;
                    var editType = Int(editAt);
                    var frame = Int(editAt + 8);
                    if (editType == 1 && Type(frame) == 1) // a new element, with its subtree
                    {
                        var last = frame + Field(frame, 4);
                        for (var f = frame; f < last; f++)
                        {
                            if (Type(f) != 1)
                                continue;
                            string? testId = null, custom = null;
                            ulong click = 0;
                            for (var a = f + 1; a < last && Type(a) == 3; a++)
                            {
                                var name = Text(Field(a, 4));
                                if (name == "data-testid")
                                    testId = Text(Field(a, 8));
                                else if (name == "onclick")
                                    click = Handler(a);
                                else if (name == "onboardarrange")
                                    (click, custom) = (Handler(a), "boardarrange");
                                else if (name == "data-column" && Guid.TryParse(Text(Field(a, 8)), out _))
                                    _column ??= Text(Field(a, 8));
                            }
                            if (testId is not null && click != 0)
                            {
                                _clickHandlers[testId] = click;
                                _clickComponents[testId] = component;
                                if (custom is not null)
                                    _clickEvents[testId] = custom;
                            }
                        }
                    }
                    else if (editType == 3 && Type(frame) == 3 && Text(Field(frame, 4)) == "onclick" && Handler(frame) != 0)
                    {
                        // The element's handler was given a new id: the element this component rendered with a click.
                        var owned = _clickComponents.Where(c => c.Value == component).Select(c => c.Key).ToList();
                        if (owned.Count == 1)
                            _clickHandlers[owned[0]] = Handler(frame);
                    }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pings?.Dispose();
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or InvalidOperationException)
        {
        }
        if (_receiving is not null)
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
    }

    private delegate void Body(ref MessagePackWriter writer);

    [GeneratedRegex("\"__dotNetObject\":([0-9]+)")]
    private static partial Regex DotNetObjectPattern();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
