import FuzzSupport
@_spi(Fuzzing) import GlossaryKit

/// The `.glossary.yml` reader: bytes → text → configuration, as the tool reads the file it
/// discovers. It refuses the input with an error inside it, or returns a configuration whose
/// patterns (include, exclude, languages, parallel sets) are then matched against a few paths,
/// which must return (in bounded time: the run's `-timeout` catches a pattern that backtracks).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let path = "fuzz-project/.glossary.yml"
    let groups: [[String]]
    do {
        let text = try FuzzingEntryPoints.text(bytes, path: path)
        groups = try FuzzingEntryPoints.readConfiguration(text, path: path, knownRules: knownRules, paths: samplePaths)
    } catch {
        Expect.inside(error, path: path, positions: TextPositions(bytes), what: "configuration")
        return 0
    }
    for group in groups {
        for document in group {
            Invariant.require(
                samplePaths.contains { document.hasSuffix("/" + $0) },
                "configuration: a parallel set names a path it was not given: \(document)")
        }
    }
    return 0
}

/// The rule ids a configuration may name: every built-in rule's.
let knownRules = FuzzingEntryPoints.ruleIDs

/// Paths of a project to match the patterns against: folders, languages in names and folders,
/// dots, long names.
let samplePaths = [
    "README.md", "docs/id/guide.md", "docs/en/guide.md", "docs/su/guide.md", "docs/guide.id.md",
    "docs/guide.en.md", "a/b/c/d/e/f/g/h/notes.txt", "locales/en.json", "locales/id/app.json",
    ".hidden/x.md", "abstract.md", "abstract.id.md", "abstract.en.md", "abstract.su.md",
    String(repeating: "a", count: 40) + "b.md", String(repeating: "dir/", count: 30) + "x.md",
]

@_cdecl("FuzzConfiguration_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
