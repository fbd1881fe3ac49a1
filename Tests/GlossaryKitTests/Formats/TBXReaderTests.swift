import Foundation
import Testing
@testable import GlossaryKit

@Suite("TBX reader")
struct TBXReaderTests {
    @Test func smoke() throws {
        guard let dir = SharedData.directory() else { return }
        for sub in ["ltac-tbx-test-files", "weblate", "tbx-min-perl", "eurotermbank"] {
            let folder = dir.appendingPathComponent("tbx/\(sub)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".tbx") {
                let path = folder.appendingPathComponent(name).path
                do {
                    let output = try TBXReader.load(contentsOf: path)
                    print("== \(name): \(output.dialect) concepts \(output.glossary.concepts.count) terms \(output.glossary.concepts.reduce(0) { $0 + $1.terms.count })")
                    for d in output.diagnostics { print("   \(d)") }
                } catch {
                    print("== \(name): \(error)")
                }
            }
        }
    }
}
