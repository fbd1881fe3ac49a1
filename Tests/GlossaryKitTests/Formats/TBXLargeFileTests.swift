import Foundation
import Testing

@testable import GlossaryKit

/// Memory and time on a large term base; runs only when `GLOSSARY_LARGE_TBX` names a file
/// (see docs/tbx.md for how the 50 MB file was made and the numbers).
@Suite("TBX large file")
struct TBXLargeFileTests {
    static func peakResidentMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1) / 1024
    }

    /// The large file, when `GLOSSARY_LARGE_TBX` names one.
    static let largeFile = ProcessInfo.processInfo.environment["GLOSSARY_LARGE_TBX"]

    @Test(.enabled(if: largeFile != nil, "set GLOSSARY_LARGE_TBX to a large TBX file to measure"))
    func streamsInBoundedMemory() throws {
        let path = try #require(Self.largeFile)
        let before = Self.peakResidentMB()
        var subtrees = 0
        let clock = ContinuousClock()
        let streamTime = try clock.measure {
            try XMLSubtreeStreamer(
                path: path, onRoot: { _, _, _, _ in }, onSubtree: { _, _ in subtrees += 1 }, onStrayText: { _, _, _, _ in }
            ).run()
        }
        let afterStream = Self.peakResidentMB()
        var concepts = 0
        let loadTime = try clock.measure { concepts = try TBXReader.read(contentsOf: path).concepts.count }
        let afterLoad = Self.peakResidentMB()
        print(
            "large TBX: \(subtrees) subtrees streamed in \(streamTime), peak RSS \(before) → \(afterStream) MB; full load of \(concepts) concepts in \(loadTime), peak RSS \(afterLoad) MB"
        )
        #expect(afterStream - before < 64)
    }
}
