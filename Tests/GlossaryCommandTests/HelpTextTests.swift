import Foundation
import GlossaryKit
import TestLocations
import Testing

/// The help texts and the README say what the code does: the lists of formats and file types
/// they give are held to the constants the code uses.
@Suite("Help texts and README agree with the code")
struct HelpTextTests {
    /// The glossary formats by name, as the help and README list them: `YAML, TBX, CSV or TSV`.
    static let formatNames = English.list(GlossaryFormat.allCases.map(\.displayName), "or")

    /// `text` with every run of white space made one space, so that wrapped help reads as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func help(_ command: String) throws -> String {
        let result = try CommandRunner.run(["help", command])
        try #require(result.status == 0, "\(result.stderr)")
        return oneLine(result.stdout)
    }

    static let readme: String = {
        let url = TestPackage.root.appendingPathComponent("README.md")
        return oneLine((try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    /// The README's text from `start` up to the first `end` after it.
    static func readme(from start: String, to end: String) throws -> String {
        let from = try #require(readme.range(of: start), "README has no '\(start)'")
        let to = try #require(
            readme.range(of: end, range: from.upperBound..<readme.endIndex), "README has no '\(end)' after '\(start)'")
        return String(readme[from.lowerBound..<to.upperBound])
    }

    /// The file endings written in backticks in `text` (`` `.md` `` → `md`).
    static func backtickedExtensions(_ text: String) -> Set<String> {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return Set(
            parts.enumerated().compactMap { index, part in
                index % 2 == 1 && part.hasPrefix(".") && !part.contains(" ") ? String(part.dropFirst()) : nil
            })
    }

    // MARK: Help

    @Test func glossaryOptionHelpListsEveryFormat() throws {
        for command in ["check", "lookup", "coverage", "evaluate", "lint"] {
            #expect(try Self.help(command).contains(Self.formatNames), "\(command)")
        }
        let convert = try Self.help("convert")
        for format in GlossaryFormat.allCases {
            for ext in format.fileExtensions { #expect(convert.contains("." + ext), "convert help lacks .\(ext)") }
            #expect(convert.contains(format.rawValue))
        }
    }

    @Test func checkHelpListsTheFileTypesFoldersAreSearchedFor() throws {
        let help = try Self.help("check")
        for ext in CheckRunner.folderExtensions { #expect(help.contains(".\(ext) ") || help.contains(".\(ext),"), "\(ext)") }
        let lint = try Self.help("lint")
        for ext in GlossaryLoader.allExtensions { #expect(lint.contains(".\(ext)"), "\(ext)") }
    }

    // MARK: README

    @Test func readmeListsTheFileTypesFoldersAreSearchedFor() throws {
        let sentence = try Self.readme(from: "Folders are searched for", to: "hidden folders skipped")
        #expect(Self.backtickedExtensions(sentence) == CheckRunner.folderExtensions)
    }

    @Test func readmeListsTheGlossaryFormatsAndFileEndings() throws {
        let option = try Self.readme(from: "`-g`/`--glossary PATH`:", to: "repeatable")
        #expect(option.contains("a \(Self.formatNames) file"))
        #expect(Self.backtickedExtensions(option) == Set(GlossaryLoader.allExtensions))
        #expect(try Self.readme(from: "Validates glossary files", to: ";").contains("(\(Self.formatNames);"))
        let convert = try Self.readme(from: "The formats come from the extensions", to: "or `--to`")
        #expect(Self.backtickedExtensions(convert) == Set(GlossaryFormat.allCases.flatMap(\.fileExtensions)))
    }
}
