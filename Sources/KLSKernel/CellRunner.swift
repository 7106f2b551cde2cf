import Foundation
import KLSREPL
import KLSRuntime
import KLSSyntax

/// The kls session behind a kernel's cells: runs them through an embedded `Prompt` (so
/// `:help`, `:vars`, `:time`… work as at the prompt), publishes what they print as streams
/// and what they draw as displays, and keeps the execution count and the history.
/// Used on the shell thread only.
final class CellRunner {
    let iopub: IOPub
    let streams: StreamBuffer
    private(set) var prompt: Prompt!
    /// The header of the request being served (the parent of everything published).
    private(set) var parent: JSONObject = [:]
    /// The number of the last cell stored in the history.
    private(set) var executionCount = 0
    /// Inputs of stored cells, by execution count.
    private(set) var history: [(line: Int, input: String)] = []
    /// The running cell's final value (as a MIME bundle) and its first error.
    private var result: JSONObject?
    /// The running cell's help pages (`:help`), for its reply's pager payload.
    private var pages: [String] = []
    private var failure: CellError?
    /// The display showing the running fit's progress line, if any.
    private var progressDisplay: String?

    init(iopub: IOPub) {
        self.iopub = iopub
        streams = StreamBuffer(iopub: iopub)
        let output = PromptOutput(
            out: { [streams] in streams.write($0, to: "stdout") },
            err: { [streams] in streams.write($0, to: "stderr") },
            value: { [unowned self] value in result = RichOutput.bundle(of: value) },
            failure: { [unowned self] failure in record(failure) },
            display: { [unowned self] item in show(item) },
            page: { [unowned self] text in pages.append(text) })
        prompt = Prompt(output: output)
    }

    func startFlushing() { streams.start() }
    func stopFlushing() { streams.stop() }

    /// Makes `header` the parent of what is published next.
    func serve(_ header: JSONObject) {
        parent = header
        streams.setParent(header)
    }

    /// What running a cell gave.
    enum Outcome {
        /// `payload`: the execute reply's payloads (help pages for the pager).
        case ok(result: JSONObject?, payload: [JSONObject])
        case failed(CellError)
    }

    /// Runs a cell; `store` numbers it and keeps it in the history.
    func run(_ code: String, store: Bool) -> (Outcome, count: Int) {
        if store {
            executionCount += 1
            history.append((executionCount, code))
        }
        result = nil
        pages = []
        failure = nil
        prompt.runCell(code, name: "In[\(store ? executionCount : executionCount + 1)]")
        streams.flush()
        if let failure { return (.failed(failure), executionCount) }
        // As IPython's `?`: JupyterLab and VS Code show a page below the cell, Notebook in its
        // pager, `jupyter console` through its pager.
        let payload: [JSONObject] = pages.map { ["source": "page", "data": ["text/plain": $0], "start": 0] }
        return (.ok(result: result, payload: payload), executionCount)
    }

    /// Keeps the cell's first error; later ones (a list of syntax errors) join its traceback.
    private func record(_ reported: PromptFailure) {
        let error: CellError
        switch reported {
        case .interrupted(let message):
            error = CellError(name: "Interrupted", value: message, traceback: [message + " (the cell stopped; variables keep their values)"])
        case .error(let d, let rendered):
            let name: String
            switch d.kind {
            case .syntax: name = "SyntaxError"
            case .resolve: name = "NameError"
            case .runtime: name = "RuntimeError"
            }
            error = CellError(name: name, value: d.message, traceback: [rendered.hasSuffix("\n") ? String(rendered.dropLast()) : rendered])
        }
        if failure == nil { failure = error } else { failure?.traceback += error.traceback }
    }

    /// Publishes a picture, a progress line or a clear.
    private func show(_ item: DisplayItem) {
        streams.flush()
        switch item {
        case .progress(let line, let done):
            let id = progressDisplay ?? UUID().uuidString.lowercased()
            let content: JSONObject = ["data": ["text/plain": line], "metadata": JSONObject(),
                                       "transient": ["display_id": id]]
            iopub.publish(progressDisplay == nil ? "display_data" : "update_display_data", content, parent: parent)
            progressDisplay = done ? nil : id
        case .clear(let wait):
            iopub.publish("clear_output", ["wait": wait], parent: parent)
        case .figure, .animation, .text:
            do {
                iopub.publish("display_data", try RichOutput.display(item), parent: parent)
            } catch {
                streams.write("kls kernel: cannot draw the picture: \(error)\n", to: "stderr")
            }
        }
    }
}

/// An error as the protocol reports it (`error` messages and error replies).
struct CellError {
    var name: String
    var value: String
    var traceback: [String]

    var content: JSONObject { ["ename": name, "evalue": value, "traceback": traceback] }
}
