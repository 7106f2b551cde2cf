import Foundation
import Testing
@testable import KLSLessons

/// Progress is saved whole (atomically), resumes at the same step by title, and a file that
/// cannot be read is set aside rather than overwritten.
@Suite struct LessonProgressTests {
    func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "kls-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    let lesson = Lesson(name: "t", path: "t", title: "T", introduction: "", setup: "", steps: [
        LessonStep(title: "one", line: 1), LessonStep(title: "two", line: 2), LessonStep(title: "three", line: 3),
    ])

    @Test func savesAndResumesAtTheSameStep() throws {
        let path = try temporaryDirectory() + "/state/kls/lessons.json"
        LessonProgress(path: path).record("t", step: 1, title: "two", steps: 3, finished: false)
        let again = LessonProgress(path: path)
        #expect(again.entry("t") == .init(step: 1, title: "two", finished: false, steps: 3))
        #expect(again.resumeStep(lesson) == 1)
        // A step added before it: the title finds it.
        var grown = lesson
        grown.steps.insert(LessonStep(title: "zero", line: 0), at: 0)
        #expect(again.resumeStep(grown) == 2)
        // Finished lessons start over.
        again.record("t", step: 3, title: "", steps: 3, finished: true)
        #expect(LessonProgress(path: path).resumeStep(lesson) == 0)
    }

    @Test func anUnreadableFileIsSetAside() throws {
        let path = try temporaryDirectory() + "/lessons.json"
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        let progress = LessonProgress(path: path)
        #expect(progress.problem?.contains("could not be read") == true)
        #expect(FileManager.default.fileExists(atPath: path + ".unreadable"))
        progress.record("t", step: 2, title: "three", steps: 3, finished: false)
        #expect(LessonProgress(path: path).entry("t")?.step == 2)
        #expect(try String(contentsOfFile: path + ".unreadable", encoding: .utf8) == "{ not json")
    }

    @Test func aFileThatCannotBeWrittenIsReportedNotFatal() throws {
        let dir = try temporaryDirectory()
        try "x".write(toFile: dir + "/blocker", atomically: true, encoding: .utf8)
        let progress = LessonProgress(path: dir + "/blocker/lessons.json")
        progress.record("t", step: 1, title: "two", steps: 3, finished: false)
        #expect(progress.problem?.contains("could not be saved") == true)
        #expect(progress.entry("t")?.step == 1)
    }
}
