import Foundation

/// How far a student got in each lesson, kept in `$XDG_STATE_HOME/kls/lessons.json` (or
/// `~/.local/state/kls/lessons.json`). Every change rewrites the file atomically (a temporary
/// file in the same directory, renamed over it), so progress is never half written; a file
/// that cannot be read is set aside, not overwritten blindly.
public final class LessonProgress {
    /// Where one lesson stands: the step to show next (its index and title, so a lesson whose
    /// file gained a step resumes at the same step) and whether it was finished.
    public struct Entry: Codable, Equatable, Sendable {
        public var step: Int
        public var title: String
        public var finished: Bool
        public var steps: Int
    }

    struct Stored: Codable {
        var version = 1
        var lessons: [String: Entry] = [:]
    }

    /// The file, or nil when progress is kept in memory only.
    public let path: String?
    var stored = Stored()
    /// A problem met reading or writing the file, to tell the student once.
    public private(set) var problem: String?

    public init(path: String?) {
        self.path = path
        guard let path, FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path),
              let decoded = try? JSONDecoder().decode(Stored.self, from: data) else {
            let aside = path + ".unreadable"
            try? FileManager.default.removeItem(atPath: aside)
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            problem = "lesson progress in \(path) could not be read; it was moved to \(aside) and starts afresh"
            return
        }
        stored = decoded
    }

    /// The standard place for this environment (nil when neither XDG_STATE_HOME nor HOME is set).
    public static func standardPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["KLS_LESSON_PROGRESS"] { return explicit.isEmpty ? nil : explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/kls/lessons.json" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/kls/lessons.json" }
        return nil
    }

    public func entry(_ lesson: String) -> Entry? { stored.lessons[lesson] }

    /// Records that `lesson` stands at `step` (of `steps`, whose title is given) and saves.
    public func record(_ lesson: String, step: Int, title: String, steps: Int, finished: Bool) {
        stored.lessons[lesson] = Entry(step: step, title: title, finished: finished, steps: steps)
        save()
    }

    /// Forgets a lesson's progress (to start it over) and saves.
    public func forget(_ lesson: String) {
        stored.lessons[lesson] = nil
        save()
    }

    func save() {
        guard let path else { return }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(stored).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            problem = "lesson progress could not be saved to \(path): \(error.localizedDescription)"
        }
    }

    /// The step to resume `lesson` at: the saved title's step when the file still has it,
    /// else the saved index (clamped); 0 for a lesson not started or finished.
    public func resumeStep(_ lesson: Lesson) -> Int {
        guard let e = entry(lesson.name), !e.finished else { return 0 }
        if let i = lesson.steps.firstIndex(where: { $0.title == e.title }) { return i }
        return min(max(0, e.step), max(0, lesson.steps.count - 1))
    }
}
