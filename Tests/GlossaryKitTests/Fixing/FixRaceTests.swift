import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// `FileReplacement` raced step by step: at one step of a replacement, another program (played
/// by a thread) writes to the file, and the outcome is exactly the documented one — the fix
/// written with the program's bytes after it, the file kept as the program left it, or what the
/// program wrote kept beside it and named in the error. The few windows the documentation says
/// remain are tested too, as what they are: the program's bytes reach a file without a name.
///
/// A program that opens a file this run holds a lease on waits inside `open` until the lease is
/// let go; the test goes on as soon as it waits (`Moment.filesWaitedFor`), so no outcome
/// depends on timing.
@Suite("--fix races, step by step")
struct FixRaceTests {
    typealias Step = FileReplacement.Step
    static let original = "The labor office.\n"
    static let fixed = "The labour office.\n"
    static let line = "appended by another program\n"
    static let rewritten = "Rewritten by another program.\n"
    static let leasesWork = probeLeases()

    /// What a replacement ended in.
    enum Expected: Sendable, CustomTestStringConvertible {
        /// No error; the file holds this.
        case fixed(String)
        /// An error whose message contains the first text; the file holds the second.
        case refused(String, String)
        /// An error whose message contains the first text and names a file beside it that
        /// holds the third; the file holds the second.
        case kept(String, String, String)

        var testDescription: String {
            switch self {
            case .fixed(let content): "fixed: \(content.debugDescription)"
            case .refused(let message, let content): "refused (\(message)): \(content.debugDescription)"
            case .kept(let message, let content, let kept):
                "kept (\(message)): \(content.debugDescription), beside: \(kept.debugDescription)"
            }
        }
    }

    // MARK: Programs that write to the file by name

    @Test(
        "a line appended by name (open, append, close)", .enabled(if: leasesWork),
        arguments: [
            (Step.opened, Expected.refused("changed while it was checked", original + line)),
            (.verified, .refused("changed while it was being fixed", original + line)),
            (.written, .refused("changed while it was being fixed", original + line)),
            (.swapped, .fixed(fixed + line)),
            (.unlinked, .fixed(fixed + line)),
            (.released, .fixed(fixed + line)),
        ])
    func appendByName(at step: Step, expected: Expected) throws {
        let race = try Race()
        race.run { moment in
            if moment.step == step { race.start(at: moment) { [path = race.path] in append(Self.line, to: path) } }
        }
        race.check(expected)
    }

    @Test(
        "a file opened by name and written after the fix", .enabled(if: leasesWork),
        arguments: [
            (Step.opened, Expected.refused("another program has it open for writing", original + line)),
            (.verified, .refused("changed while it was being fixed", original + line)),
            (.written, .refused("changed while it was being fixed", original + line)),
            (.swapped, .fixed(fixed + line)),
            (.unlinked, .fixed(fixed + line)),
            (.released, .fixed(fixed + line)),
        ])
    func openedByNameWrittenAfter(at step: Step, expected: Expected) throws {
        let race = try Race()
        var program: OtherProgram?
        // It never closes the file while the fix runs: waiting for it must end.
        race.run(patience: .milliseconds(50)) { moment in
            if moment.step == step { program = race.start(at: moment) { [path = race.path] in openToAppend(path) } }
        }
        #expect(write(Self.line, through: program?.join() ?? -1))
        race.check(expected)
    }

    @Test(
        "the file rewritten by name (truncated, written)", .enabled(if: leasesWork),
        arguments: [
            (Step.opened, Expected.refused("changed while it was checked", rewritten)),
            (.verified, .refused("changed while it was being fixed", rewritten)),
            (.written, .refused("changed while it was being fixed", rewritten)),
            // After the swap it rewrites the fixed file: a change made after the fix.
            (.swapped, .fixed(rewritten)),
            (.unlinked, .fixed(rewritten)),
            (.released, .fixed(rewritten)),
        ])
    func rewrittenByName(at step: Step, expected: Expected) throws {
        let race = try Race()
        race.run { moment in
            if moment.step == step { race.start(at: moment) { [path = race.path] in rewrite(path, with: Self.rewritten) } }
        }
        race.check(expected)
    }

    @Test(
        "another file renamed into its place (an editor saving)",
        arguments: [
            (Step.opened, Expected.refused("put a file of its own in its place", rewritten)),
            (.verified, .refused("put a file of its own in its place", rewritten)),
            (.written, .refused("put a file of its own in its place", rewritten)),
            (.swapped, .fixed(rewritten)),
            (.unlinked, .fixed(rewritten)),
            (.released, .fixed(rewritten)),
        ])
    func replacedByName(at step: Step, expected: Expected) throws {
        let race = try Race()
        race.run { moment in
            if moment.step == step { putInPlace(race.path, Self.rewritten) }
        }
        race.check(expected)
    }

    // MARK: Programs that found the name before the swap and open the old file after it

    // `O_PATH` finds the name without opening the file; reopening it through /proc/self/fd is
    // what the rest of an `open` the kernel paused after finding the name would do.

    @Test(
        "a line appended to the old file by a program that found its name before the swap", .enabled(if: leasesWork),
        arguments: [
            (Step.swapped, Expected.fixed(fixed + line)),
            (.unlinked, .fixed(fixed + line)),
            // What remains: it reaches the old file after its lease is let go.
            (.released, .fixed(fixed)),
        ])
    func lateAppendToTheOldFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        race.run { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == step { race.start(at: moment) { [found] in append(Self.line, to: reopening(found)) } }
        }
        race.check(expected)
    }

    @Test(
        "the old file rewritten by a program that found its name before the swap", .enabled(if: leasesWork),
        arguments: [
            (Step.swapped, Expected.refused("changed while it was being fixed", rewritten)),
            (.unlinked, .kept("the fix was written, but another program changed the old file", fixed, rewritten)),
            // What remains: it reaches the old file after its lease is let go.
            (.released, .fixed(fixed)),
        ])
    func lateRewriteOfTheOldFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        race.run { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == step { race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) } }
        }
        race.check(expected)
    }

    @Test(
        "the old file opened by a program that found its name before the swap, and written after the fix",
        .enabled(if: leasesWork),
        arguments: [
            (Step.swapped, Expected.refused("changed while it was being fixed", original + line)),
            (.unlinked, .refused("the fix was written, but another program opened the old file", fixed)),
            // What remains: it reaches the old file after its lease is let go.
            (.released, .fixed(fixed)),
        ])
    func lateOpenOfTheOldFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        var program: OtherProgram?
        race.run(patience: .milliseconds(50)) { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == step { program = race.start(at: moment) { [found] in openToAppend(reopening(found)) } }
        }
        #expect(write(Self.line, through: program?.join() ?? -1))
        race.check(expected)
    }

    // MARK: After the swap is undone

    // The old file is rewritten by a program that found its name before the swap, so the swap
    // is undone; programs that opened the fixed file while it had the name then write to it.

    @Test(
        "a line appended to the fixed file by a program that found its name before the undo", .enabled(if: leasesWork),
        arguments: [
            (Step.swappedBack, Expected.refused("changed while it was being fixed", rewritten + line)),
            (.unlinked, .refused("changed while it was being fixed", rewritten + line)),
            // What remains: it reaches the fixed file after its lease is let go.
            (.released, .refused("changed while it was being fixed", rewritten)),
        ])
    func lateAppendToTheFixedFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var found: Int32 = -1, foundFixed: Int32 = -1
        defer {
            close(found)
            close(foundFixed)
        }
        race.run { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped {
                foundFixed = findName(race.path)
                race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) }
            }
            if moment.step == step { race.start(at: moment) { [foundFixed] in append(Self.line, to: reopening(foundFixed)) } }
        }
        race.check(expected)
    }

    @Test(
        "the fixed file rewritten by a program that found its name before the undo", .enabled(if: leasesWork),
        arguments: [
            (Step.swappedBack, Expected.kept("written to the fixed file meanwhile is kept", rewritten, "Second rewrite.\n")),
            (.unlinked, .kept("not fixed, but another program changed the fixed file", rewritten, "Second rewrite.\n")),
        ])
    func lateRewriteOfTheFixedFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var found: Int32 = -1, foundFixed: Int32 = -1
        defer {
            close(found)
            close(foundFixed)
        }
        race.run { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped {
                foundFixed = findName(race.path)
                race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) }
            }
            if moment.step == step {
                race.start(at: moment) { [foundFixed] in rewrite(reopening(foundFixed), with: "Second rewrite.\n") }
            }
        }
        race.check(expected)
    }

    @Test("the fixed file opened by name before the undo and written after it", .enabled(if: leasesWork))
    func fixedFileOpenedByNameWrittenAfterTheUndo() throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        var holder: OtherProgram?
        race.run(patience: .milliseconds(50)) { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped {
                holder = race.start(at: moment) { [path = race.path] in openToAppend(path) }
                race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) }
            }
        }
        #expect(write(Self.line, through: holder?.join() ?? -1))
        // The fixed file keeps a name while a program has it open to write to it.
        race.check(.kept("what was written to the fixed file meanwhile is kept", Self.rewritten, Self.fixed + Self.line))
    }

    @Test("a line appended by name after the undo", .enabled(if: leasesWork))
    func appendByNameAfterTheUndo() throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        race.run { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped { race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) } }
            if moment.step == .swappedBack { race.start(at: moment) { [path = race.path] in append(Self.line, to: path) } }
        }
        race.check(.refused("changed while it was being fixed", Self.rewritten + Self.line))
    }

    // MARK: Without a lease

    // Watched by its size and times, the old file is seen to change, but not who has it open.

    @Test(
        "without a lease: a file opened by name before the swap and appended to",
        arguments: [
            (Step.swapped, Expected.fixed(fixed + line)),
            (.unlinked, .fixed(fixed + line)),
            // What remains without a lease: the last look at the old file is before this.
            (.released, .fixed(fixed)),
        ])
    func unleasedAppendThroughAnOpenFile(at step: Step, expected: Expected) throws {
        let race = try Race()
        var descriptor: Int32 = -1
        defer { close(descriptor) }
        race.run(leases: false) { moment in
            if moment.step == .verified { descriptor = openToAppend(race.path) }
            if moment.step == step { #expect(write(Self.line, through: descriptor, closing: false)) }
        }
        race.check(expected)
    }

    @Test("without a lease: a file opened by name before the swap and written after the fix")
    func unleasedWriteAfterTheFix() throws {
        let race = try Race()
        var descriptor: Int32 = -1
        defer { close(descriptor) }
        race.run(leases: false) { moment in
            if moment.step == .verified { descriptor = openToAppend(race.path) }
        }
        #expect(write(Self.line, through: descriptor))
        // What remains without a lease: the program's line goes to the old file.
        race.check(.fixed(Self.fixed))
    }

    @Test("without a lease: the old file changed in place after the swap")
    func unleasedChangeInPlace() throws {
        let race = try Race()
        var descriptor: Int32 = -1
        defer { close(descriptor) }
        race.run(leases: false) { moment in
            if moment.step == .verified { descriptor = open(race.path, O_WRONLY | O_CLOEXEC) }
            if moment.step == .swapped { _ = pwrite(descriptor, "THE", 3, 0) }
        }
        race.check(.refused("changed while it was being fixed", "THE labor office.\n"))
    }

    @Test("without a lease: a line appended by name before the swap")
    func unleasedAppendByNameBeforeTheSwap() throws {
        let race = try Race()
        race.run(leases: false) { moment in
            if moment.step == .written { #expect(append(Self.line, to: race.path) == -1) }
        }
        race.check(.refused("changed while it was being fixed", Self.original + Self.line))
    }

    // MARK: Without a swap

    // On a file system that cannot swap two names, the new file is renamed over the old one.

    @Test("without a swap: a line appended to the old file after the rename", .enabled(if: leasesWork))
    func renamedOverThenAppended() throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        race.run(exchange: false) { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped { race.start(at: moment) { [found] in append(Self.line, to: reopening(found)) } }
        }
        race.check(.fixed(Self.fixed + Self.line))
    }

    @Test("without a swap: the old file rewritten after the rename", .enabled(if: leasesWork))
    func renamedOverThenRewritten() throws {
        let race = try Race()
        var found: Int32 = -1
        defer { close(found) }
        race.run(exchange: false) { moment in
            if moment.step == .written { found = findName(race.path) }
            if moment.step == .swapped { race.start(at: moment) { [found] in rewrite(reopening(found), with: Self.rewritten) } }
        }
        race.check(.kept("the fix was written, but another program changed the old file", Self.fixed, Self.rewritten))
    }

    @Test("without a swap: another file renamed into its place before the rename")
    func renamedOverAfterAnotherFile() throws {
        let race = try Race()
        race.run(exchange: false) { moment in
            if moment.step == .written { putInPlace(race.path, Self.rewritten) }
        }
        race.check(.refused("put a file of its own in its place", Self.rewritten))
    }

    // MARK: Helpers

    /// A file holding `original` in a folder of its own, and what replacing it with `fixed`
    /// ended in.
    final class Race {
        let folder: URL
        let path: String
        private(set) var error: InputError?
        private var programs: [OtherProgram] = []

        init() throws {
            folder = TestScratch.url("fix-race")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("text.md").path
            try Data(FixRaceTests.original.utf8).write(to: URL(fileURLWithPath: path))
        }

        /// Replaces the file, calling `act` at each step.
        func run(
            patience: Duration = .seconds(60), leases: Bool = true, exchange: Bool = true,
            _ act: @escaping (FileReplacement.Moment) -> Void
        ) {
            var options = FileReplacement.Options()
            options.patience = patience
            options.quiet = .zero
            options.unleasedQuiet = .zero
            options.leases = leases
            options.exchange = exchange
            options.observe = act
            do {
                try FileReplacement.replace(
                    path, reportingAs: path, expecting: Array(FixRaceTests.original.utf8), with: Array(FixRaceTests.fixed.utf8),
                    force: false, options: options)
            } catch {
                self.error = error
            }
        }

        /// Starts another program at `moment` (see `OtherProgram.start`).
        @discardableResult
        func start(at moment: FileReplacement.Moment, _ action: @escaping @Sendable () -> Int32) -> OtherProgram {
            let program = OtherProgram.start(at: moment, action)
            programs.append(program)
            return program
        }

        /// Waits for the other programs, then checks the outcome, and that no other file is left
        /// beside the file but the one the error names.
        func check(_ expected: Expected, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            for program in programs {
                #expect(program.join() != OtherProgram.failed, "another program could not write", sourceLocation: sourceLocation)
            }
            let content = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "text.md" }
            switch expected {
            case .fixed(let text):
                #expect(error == nil, "\(String(describing: error))", sourceLocation: sourceLocation)
                #expect(content == text, sourceLocation: sourceLocation)
                #expect(others.isEmpty, "\(others)", sourceLocation: sourceLocation)
            case .refused(let message, let text):
                #expect(error?.message.contains(message) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
                #expect(content == text, sourceLocation: sourceLocation)
                #expect(others.isEmpty, "\(others)", sourceLocation: sourceLocation)
            case .kept(let message, let text, let keptText):
                #expect(error?.message.contains(message) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
                #expect(content == text, sourceLocation: sourceLocation)
                #expect(others.count == 1, "\(others)", sourceLocation: sourceLocation)
                if let kept = others.first {
                    let keptPath = folder.appendingPathComponent(kept).path
                    let named = error?.message.hasSuffix(keptPath) == true
                    #expect(named, "\(String(describing: error))", sourceLocation: sourceLocation)
                    let keptContent = String(decoding: FileManager.default.contents(atPath: keptPath) ?? Data(), as: UTF8.self)
                    #expect(keptContent == keptText, sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Whether Linux grants a read lease on a file of the scratch folder: the tests that need
    /// one are skipped where it does not (another system, a file system without leases).
    static func probeLeases() -> Bool {
        guard let path = try? TestScratch.file("lease probe", extension: "txt") else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        defer { close(descriptor) }
        var file = WatchedFile(descriptor)
        defer { file.letGo() }
        return file.lease(waitingUpTo: .zero) == .granted
    }
}

/// Another program, played by a thread. `start` returns when its action is done, or when it
/// waits for one more lease the replacement holds (it goes on when the lease is let go).
final class OtherProgram: @unchecked Sendable {
    /// What an action returns when it could not open or write the file.
    static let failed: Int32 = -2

    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Int32 = -1

    @discardableResult
    static func start(at moment: FileReplacement.Moment, _ action: @escaping @Sendable () -> Int32) -> OtherProgram {
        let program = OtherProgram()
        let waitedFor = moment.filesWaitedFor()
        Thread {
            let result = action()
            program.lock.withLock { program.result = result }
            program.finished.signal()
        }.start()
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            if program.finished.wait(timeout: .now() + .milliseconds(1)) == .success {
                program.finished.signal()
                return program
            }
            if moment.filesWaitedFor() > waitedFor { return program }
            if clock.now - start > .seconds(60) {
                Issue.record("the other program neither finished nor waited for a lease")
                return program
            }
        }
    }

    /// Waits for the action to end; what it returned (a descriptor it opened, or -1).
    func join() -> Int32 {
        finished.wait()
        finished.signal()
        return lock.withLock { result }
    }
}

// What the other programs do; every descriptor is closed on exec, so that no process another
// test starts meanwhile keeps one of these files open.

/// Opens `path` to append, appends `text`, closes it (as `echo >> path` does); returns -1, or
/// `OtherProgram.failed`.
@discardableResult
private func append(_ text: String, to path: String) -> Int32 {
    write(text, through: openToAppend(path)) ? -1 : OtherProgram.failed
}

/// Opens `path` to append, and returns the descriptor.
private func openToAppend(_ path: String) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    return descriptor >= 0 ? descriptor : OtherProgram.failed
}

/// Writes `text` through `descriptor`, then closes it unless told not to; whether all was
/// written.
@discardableResult
private func write(_ text: String, through descriptor: Int32, closing: Bool = true) -> Bool {
    guard descriptor >= 0 else { return false }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if closing { close(descriptor) }
    return written == bytes.count
}

/// Truncates `path` and writes `text` to it; returns -1, or `OtherProgram.failed`.
private func rewrite(_ path: String, with text: String) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    return write(text, through: descriptor) ? -1 : OtherProgram.failed
}

/// Writes `text` to a new file beside `path` and renames it to `path` (as editors save).
private func putInPlace(_ path: String, _ text: String) {
    let other = path + ".saving"
    #expect(FileManager.default.createFile(atPath: other, contents: Data(text.utf8)))
    #expect(rename(other, path) == 0)
}

/// A descriptor that finds `path` without opening the file (`O_PATH`).
private func findName(_ path: String) -> Int32 {
    let findOnly: Int32 = 0o10000000  // O_PATH, which Swift does not see
    let descriptor = open(path, findOnly | O_CLOEXEC)
    #expect(descriptor >= 0)
    return descriptor
}

/// The path that opens the file `found` found, as the rest of its `open` would.
private func reopening(_ found: Int32) -> String {
    "/proc/self/fd/\(found)"
}
