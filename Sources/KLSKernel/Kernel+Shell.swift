import Foundation
import KLSREPL

/// The shell socket's requests: execution, completion, inspection, history.
extension Kernel {
    /// Serves one shell request between a `busy` and an `idle` status.
    func handleShell(_ request: WireMessage) {
        guard Self.shellTypes.contains(request.type) else {
            log("shell: unknown message type '\(request.type)': ignored")
            return
        }
        cells.serve(request.header)
        iopub.publish("status", ["execution_state": "busy"], parent: request.header)
        defer { iopub.publish("status", ["execution_state": "idle"], parent: request.header) }
        let content = request.content
        switch request.type {
        case "kernel_info_request":
            reply("kernel_info_reply", KernelInfo.content, to: request, on: shell)
        case "execute_request":
            execute(request)
        case "complete_request":
            reply("complete_reply", complete(content["code"] as? String ?? "", cursor: content["cursor_pos"] as? Int), to: request, on: shell)
        case "inspect_request":
            reply("inspect_reply", inspect(content["code"] as? String ?? "", cursor: content["cursor_pos"] as? Int), to: request, on: shell)
        case "is_complete_request":
            reply("is_complete_reply", isComplete(content["code"] as? String ?? ""), to: request, on: shell)
        case "history_request":
            reply("history_reply", history(content), to: request, on: shell)
        case "comm_info_request":
            reply("comm_info_reply", ["status": "ok", "comms": JSONObject()], to: request, on: shell)
        default:
            break
        }
    }

    static let shellTypes: Set<String> = [
        "kernel_info_request", "execute_request", "complete_request", "inspect_request",
        "is_complete_request", "history_request", "comm_info_request",
    ]

    // MARK: Execution

    /// Runs a cell: `execute_input`, its streams and displays, then `execute_result` or `error`,
    /// and the reply. After an error with `stop_on_error`, execute requests already queued are
    /// answered `aborted` (before the failed cell's own reply).
    private func execute(_ request: WireMessage) {
        let content = request.content
        let code = content["code"] as? String ?? ""
        let silent = content["silent"] as? Bool ?? false
        let store = !silent && (content["store_history"] as? Bool ?? true)
        if !silent {
            iopub.publish("execute_input", ["code": code, "execution_count": cells.executionCount + (store ? 1 : 0)], parent: request.header)
        }
        let (outcome, count) = cells.run(code, store: store)
        switch outcome {
        case .ok(let result, let payload):
            if let result, !silent {
                iopub.publish("execute_result", ["execution_count": count, "data": result, "metadata": JSONObject()], parent: request.header)
            }
            reply("execute_reply", ["status": "ok", "execution_count": count, "user_expressions": JSONObject(), "payload": payload],
                  to: request, on: shell)
        case .failed(let error):
            iopub.publish("error", error.content, parent: request.header)
            // Only requests queued before this reply are aborted: the client's next one is not.
            if content["stop_on_error"] as? Bool ?? true { abortQueuedExecutions() }
            var reply = error.content
            reply["status"] = "error"
            reply["execution_count"] = count
            self.reply("execute_reply", reply, to: request, on: shell)
        }
    }

    /// Answers every execute request already waiting on the shell socket with `aborted`
    /// (other requests are served as usual).
    private func abortQueuedExecutions() {
        while let frames = try? shell.receive(timeoutMilliseconds: 0) {
            guard let queued = receive(frames, on: "shell") else { continue }
            guard queued.type == "execute_request" else {
                handleShell(queued)
                continue
            }
            iopub.publish("status", ["execution_state": "busy"], parent: queued.header)
            reply("execute_reply", ["status": "aborted", "execution_count": cells.executionCount], to: queued, on: shell)
            iopub.publish("status", ["execution_state": "idle"], parent: queued.header)
        }
    }

    // MARK: Completion, inspection, completeness

    /// `complete_reply`: the prompt's Tab completion, with positions in Unicode code points.
    private func complete(_ code: String, cursor: Int?) -> JSONObject {
        let offsets = CodePoints(code)
        let cursorPoints = cursor ?? offsets.count
        let utf8Cursor = offsets.utf8Offset(ofCodePoint: cursorPoints)
        let result = cells.prompt.completions(in: code, cursor: utf8Cursor)
        let range = result?.replacing ?? utf8Cursor..<utf8Cursor
        return [
            "status": "ok",
            "matches": result?.candidates ?? [],
            "cursor_start": offsets.codePoint(ofUTF8Offset: range.lowerBound),
            "cursor_end": offsets.codePoint(ofUTF8Offset: range.upperBound),
            "metadata": JSONObject(),
        ]
    }

    /// `inspect_reply`: the `:help` page of the name at the cursor (Shift-Tab).
    private func inspect(_ code: String, cursor: Int?) -> JSONObject {
        let offsets = CodePoints(code)
        let utf8Cursor = offsets.utf8Offset(ofCodePoint: cursor ?? offsets.count)
        guard let page = cells.prompt.help(in: code, cursor: utf8Cursor) else {
            return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": page], "metadata": JSONObject()]
    }

    /// `is_complete_reply`, from the parser.
    private func isComplete(_ code: String) -> JSONObject {
        switch Prompt.completeness(of: code) {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": indent]
        case .invalid: return ["status": "invalid"]
        }
    }

    // MARK: History

    /// `history_reply` for `tail`, `range` and `search` requests over this kernel's cells
    /// (session number 0 is the current session, as in IPython).
    private func history(_ content: JSONObject) -> JSONObject {
        let output = content["output"] as? Bool ?? false
        var entries = cells.history
        switch content["hist_access_type"] as? String ?? "tail" {
        case "range":
            let start = content["start"] as? Int ?? 0
            let stop = content["stop"] as? Int ?? Int.max
            entries = entries.filter { $0.line >= start && $0.line < stop }
        case "search":
            let pattern = content["pattern"] as? String ?? "*"
            entries = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
            if content["unique"] as? Bool ?? false {
                var seen = Set<String>()
                entries = entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n = content["n"] as? Int { entries = Array(entries.suffix(max(0, n))) }
        default:
            if let n = content["n"] as? Int { entries = Array(entries.suffix(max(0, n))) }
        }
        let rows: [[Any]] = entries.map { output ? [0, $0.line, [$0.input, NSNull()]] : [0, $0.line, $0.input] }
        return ["status": "ok", "history": rows]
    }
}

/// Conversions between UTF-8 offsets and Unicode code point offsets of one text (Jupyter
/// counts cursor positions in code points). Each walks the text from its start up to the
/// offset asked for, keeping no table: a 100 MB cell costs no more memory than itself.
struct CodePoints {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    /// The number of code points.
    var count: Int { text.unicodeScalars.count }

    /// The UTF-8 offset of code point `index` (clamped to the text).
    func utf8Offset(ofCodePoint index: Int) -> Int {
        var offset = 0
        for (n, scalar) in text.unicodeScalars.enumerated() {
            if n >= index { break }
            offset += UTF8.width(scalar)
        }
        return offset
    }

    /// The code point index of a UTF-8 offset (the code point containing it; the count at or
    /// past the end).
    func codePoint(ofUTF8Offset offset: Int) -> Int {
        var start = 0, n = 0
        for scalar in text.unicodeScalars {
            start += UTF8.width(scalar)
            if start > offset { return n }
            n += 1
        }
        return n
    }
}
