import Foundation

/// Where lessons are found: the directories in `KLS_LESSONS` (separated by `:`), the user's
/// `$XDG_DATA_HOME/kls/lessons` (or `~/.local/share/kls/lessons`), and the `lessons/` folder of
/// the kls checkout the running binary was built in (found by walking up from the executable).
/// A lesson is a file `NAME.lesson.md`; `kls lesson PATH` also takes a file by its path.
public struct LessonLibrary: Sendable {
    public static let fileSuffix = ".lesson.md"
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The directories for this process's environment and executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonLibrary {
        var dirs: [String] = []
        if let list = environment["KLS_LESSONS"] {
            dirs += list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            dirs.append(data + "/kls/lessons")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            dirs.append(home + "/.local/share/kls/lessons")
        }
        if let shipped = shippedDirectory() { dirs.append(shipped) }
        return LessonLibrary(directories: dirs)
    }

    /// The `lessons/` folder beside the `Package.swift` above the executable, if any.
    static func shippedDirectory() -> String? {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first.map(resolvedExecutable) ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("lessons")
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: candidate.path) {
                return candidate.path
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// The running executable's path (`/proc/self/exe` on Linux, else argv[0]).
    static func resolvedExecutable(_ argv0: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? argv0
    }

    /// Every lesson file found, by name (the first directory wins), sorted by file name
    /// (lessons are numbered: `1-information.lesson.md`).
    public func entries() -> [(name: String, path: String)] {
        var seen: Set<String> = []
        var found: [(String, String, String)] = []
        for dir in directories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for file in files.sorted() where file.hasSuffix(Self.fileSuffix) {
                let name = Self.name(ofFile: file)
                guard seen.insert(name).inserted else { continue }
                found.append((file, name, dir + "/" + file))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    /// The lesson name of a file: `1-information.lesson.md` → `information`.
    public static func name(ofFile file: String) -> String {
        var base = (file as NSString).lastPathComponent
        if base.hasSuffix(fileSuffix) { base.removeLast(fileSuffix.count) }
        if let dash = base.firstIndex(of: "-"), base[..<dash].allSatisfy(\.isNumber), dash != base.startIndex {
            base = String(base[base.index(after: dash)...])
        }
        return base
    }

    /// The file of the lesson called `name`: a lesson name, a unique prefix of one, or a path.
    public func locate(_ name: String) -> Result<String, LessonProblem> {
        if name.contains("\u{0}") {
            return .failure(LessonProblem(path: "kls", line: 0, message: "a lesson name cannot contain a NUL character"))
        }
        if name.contains("/") || name.hasSuffix(".md") {
            return FileManager.default.fileExists(atPath: name) ? .success(name)
                : .failure(LessonProblem(path: name, line: 0, message: "no such lesson file"))
        }
        let all = entries()
        if let exact = all.first(where: { $0.name == name }) { return .success(exact.path) }
        let prefixed = all.filter { $0.name.hasPrefix(name) }
        if prefixed.count == 1 { return .success(prefixed[0].path) }
        let known = all.map(\.name).joined(separator: ", ")
        let message = prefixed.isEmpty
            ? "no lesson called '\(name)'" + (known.isEmpty ? " (no lessons found)" : "; the lessons are: \(known)")
            : "'\(name)' could be " + prefixed.map(\.name).joined(separator: " or ")
        return .failure(LessonProblem(path: "kls", line: 0, message: message))
    }

    /// Reads and parses the lesson file at `path`.
    public static func load(path: String) -> Result<Lesson, LessonParser.LessonErrors> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.init(problems: [LessonProblem(path: path, line: 0, message: "cannot read the lesson file")]))
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return LessonParser.parse(text, path: path, name: name(ofFile: path))
    }
}
