using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// One keep-alive HTTP/1.1 connection that a load generator's thread drives with blocking calls: a request is written
/// whole, and its answer (a <c>Content-Length</c> or chunked body) read into a buffer the connection keeps. No thread
/// pool, no task per request and no spinning while the server works: <see cref="HttpClient"/> on the thread pool spent
/// more than half of the generator's CPU in <c>sched_yield</c> waiting for answers (docs/exchange-speed.md, "A generator
/// that waits without spinning"), CPU the server it measures then did not have.
/// </summary>
internal sealed class BlockingHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _start;
    private byte[] _buffer = new byte[64 * 1024];
    private byte[] _body = new byte[64 * 1024];
    private byte[] _request = new byte[16 * 1024];
    private int _read;
    private int _filled;

    public BlockingHttpConnection(int port, string path)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        _start = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n");
    }

    /// <summary>Posts <paramref name="body"/> as JSON with the bearer <paramref name="token"/>; the status and the answer's body (valid until the next call).</summary>
    public (int Status, ReadOnlyMemory<byte> Body) Post(string token, ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetBytes($"Authorization: Bearer {token}\r\nContent-Length: {body.Length}\r\n\r\n");
        var length = _start.Length + head.Length + body.Length;
        if (_request.Length < length)
        {
            _request = new byte[length * 2];
        }
        _start.CopyTo(_request, 0);
        head.CopyTo(_request, _start.Length);
        body.CopyTo(_request.AsSpan(_start.Length + head.Length));
        for (var sent = 0; sent < length;)
        {
            sent += _socket.Send(_request, sent, length - sent, SocketFlags.None);
        }
        return ReadAnswer();
    }

    private (int Status, ReadOnlyMemory<byte> Body) ReadAnswer()
    {
        var headEnd = FindInBuffer("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(_buffer, _read, headEnd - _read);
        _read = headEnd + 4;
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].AsSpan(9, 3), CultureInfo.InvariantCulture);
        long? contentLength = null;
        var chunked = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line.AsSpan(0, colon).Trim();
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }
        var size = 0;
        if (chunked)
        {
            while (true)
            {
                var lineEnd = FindInBuffer("\r\n"u8);
                if (!Utf8Parser.TryParse(_buffer.AsSpan(_read, lineEnd - _read), out int chunk, out _, 'x'))
                {
                    throw new InvalidDataException("an unreadable chunk size in the server's answer");
                }
                _read = lineEnd + 2;
                if (chunk == 0)
                {
                    _read = FindInBuffer("\r\n"u8) + 2; // the empty trailer
                    break;
                }
                size = Take(chunk, size);
                _read = FindInBuffer("\r\n"u8) + 2;
            }
        }
        else if (contentLength is { } n)
        {
            size = Take((int)n, 0);
        }
        return (status, _body.AsMemory(0, size));
    }

    // Copies `count` bytes of body into _body after `at`, reading from the socket as needed; the body's new size.
    private int Take(int count, int at)
    {
        if (_body.Length < at + count)
        {
            Array.Resize(ref _body, (at + count) * 2);
        }
        var copied = 0;
        while (copied < count)
        {
            if (_read == _filled)
            {
                Fill();
            }
            var n = Math.Min(count - copied, _filled - _read);
            Buffer.BlockCopy(_buffer, _read, _body, at + copied, n);
            (_read, copied) = (_read + n, copied + n);
        }
        return at + count;
    }

    // The index in _buffer where `marker` starts at or after _read, reading from the socket until it is there.
    private int FindInBuffer(ReadOnlySpan<byte> marker)
    {
        var searched = _read;
        while (true)
        {
            var found = _buffer.AsSpan(searched, _filled - searched).IndexOf(marker);
            if (found >= 0)
            {
                return searched + found;
            }
            searched = Math.Max(_read, _filled - marker.Length + 1);
            var offset = _read;
            Fill();
            searched -= offset - _read;
        }
    }

    // Reads more bytes from the socket, first moving what is unread to the buffer's start (and growing it when full).
    private void Fill()
    {
        if (_read > 0)
        {
            Buffer.BlockCopy(_buffer, _read, _buffer, 0, _filled - _read);
            (_filled, _read) = (_filled - _read, 0);
        }
        if (_filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var n = _socket.Receive(_buffer, _filled, _buffer.Length - _filled, SocketFlags.None);
        if (n == 0)
        {
            throw new IOException("the server closed the connection");
        }
        _filled += n;
    }

    public void Dispose() => _socket.Dispose();
}
