public import Foundation
public import Testing

/// The real-world material beside the checkout, in `../shared`: `data/` (texts, glossaries,
/// TBX, XLIFF and the other formats, schemas) and `seed/` (a report abstract in Indonesian,
/// English and Sundanese). Tests read it where it lies; it is never copied into the repository.
///
/// A test that needs it carries ``Testing/Trait/needsSharedData`` or ``Testing/Trait/needsSeed``,
/// so a checkout without it reports the test as skipped instead of counting it as passed.
///
/// `GLOSSARY_SHARED_DATA` names another folder to use in place of `../shared` (one that holds
/// `data/` and `seed/`). It is read by the tests alone, never by the tool; pointing it at an empty
/// folder shows which tests need the material.
public enum SharedData {
    /// The folder: `$GLOSSARY_SHARED_DATA` when set, else `../shared` beside the package root.
    public static let folder: URL = {
        if let path = ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return TestPackage.root.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }()

    /// `data/`, the real texts and term bases (described in its `INDEX.md`).
    public static let data = folder.appendingPathComponent("data", isDirectory: true)

    /// `seed/`, the folder of the seed text.
    public static let seedFolder = folder.appendingPathComponent("seed", isDirectory: true)

    /// The seed text: one report abstract in three languages.
    public static let seed = seedFolder.appendingPathComponent("000_1beee4b83e3e15a5.txt")

    /// Whether `data/` is there.
    public static let isAvailable = FileManager.default.fileExists(atPath: data.path)

    /// Whether the seed text is there.
    public static let hasSeed = FileManager.default.fileExists(atPath: seed.path)

    /// The path of `relative` inside `data/`.
    public static func path(_ relative: String) -> String {
        data.appendingPathComponent(relative).path
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when ``SharedData/data`` is there; otherwise it is reported as skipped.
    public static var needsSharedData: Self {
        .enabled(if: SharedData.isAvailable, Comment(rawValue: "needs \(SharedData.data.path) (or $GLOSSARY_SHARED_DATA/data)"))
    }

    /// Runs the test only when ``SharedData/seed`` is there; otherwise it is reported as skipped.
    public static var needsSeed: Self {
        .enabled(
            if: SharedData.hasSeed, Comment(rawValue: "needs \(SharedData.seed.path) (or the same in $GLOSSARY_SHARED_DATA)"))
    }
}
