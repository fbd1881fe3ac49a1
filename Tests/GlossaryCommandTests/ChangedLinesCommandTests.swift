import Foundation
import Testing

/// `check --staged` on translation files and language versions, and `check --diff`, on
/// temporary repositories with history.
@Suite("Staged and changed lines")
struct ChangedLinesCommandTests {
    static let glossary = """
        concepts:
          - id: ilo
            terms:
              en:
                - International Labour Organization
                - term: International Labor Organization
                  status: deprecated
          - id: migrant-worker
            terms:
              en: [migrant worker]
              id:
                - pekerja migran
                - term: TKI
                  type: acronym
                  status: deprecated
              su: [pagawé migran]

        """

    static func po(_ messages: [(String, String)]) -> String {
        "msgid \"\"\nmsgstr \"\"\n\"Language: id\\n\"\n"
            + messages.map { "\nmsgid \"\($0.0)\"\nmsgstr \"\($0.1)\"\n" }.joined()
    }

    static func xliff(_ units: [(String, String)]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="id" datatype="plaintext" original="app">
            <body>

        """
            + units.enumerated().map { index, unit in
                """
                      <trans-unit id="u\(index)">
                        <source>\(unit.0)</source>
                        <target>\(unit.1)</target>
                      </trans-unit>

                """
            }.joined()
                + """
                    </body>
                  </file>
                </xliff>

                """
    }

    static func project() throws -> Project {
        let project = try Project(git: true)
        try project.write(glossary, to: "glossary/terms.yml")
        return project
    }

    /// `file:line:col rule` of each finding in text output.
    static func findings(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            guard line.contains(": warning: ") || line.contains(": error: ") || line.contains(": info: ") else { return nil }
            let location = line.prefix { $0 != " " }.dropLast()
            guard let rule = line.split(separator: "[").last?.dropLast() else { return nil }
            return "\(location) \(rule)"
        }
    }

    // MARK: Staged translation files

    @Test func stagedPOAndXLIFFAreCheckedFromTheIndexWithFilePositions() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write(Self.po([("Migrant workers left.", "Pekerja migran berangkat.")]), to: "locale/id.po")
        try project.write(Self.xliff([("A migrant worker.", "Pekerja migran.")]), to: "app.id.xlf")
        try project.git("add", ".")
        try project.git("commit", "-qm", "first")
        let clean = try project.run(["check", "--staged"])
        #expect(clean.stdout == "No findings in 0 files.\n")

        let badPO = Self.po([
            ("Migrant workers left.", "Pekerja migran berangkat."), ("A migrant worker came.", "Seorang TKI datang."),
        ])
        let badXLIFF = Self.xliff([("A migrant worker.", "Pekerja migran."), ("Another migrant worker.", "TKI lain.")])
        try project.write(badPO, to: "locale/id.po")
        try project.write(badXLIFF, to: "app.id.xlf")
        try project.git("add", ".")
        // The working tree is fixed after staging: the index is what is judged.
        try project.write(Self.po([("Migrant workers left.", "Pekerja migran berangkat.")]), to: "locale/id.po")
        try project.write(Self.xliff([("A migrant worker.", "Pekerja migran.")]), to: "app.id.xlf")
        let staged = try project.run(["check", "--staged"])
        #expect(staged.status == 1)
        #expect(Set(Self.findings(staged.stdout)) == ["locale/id.po:9:17 deprecated-term", "app.id.xlf:11:17 deprecated-term"])
        // The same positions as checking the staged files themselves.
        try project.write(badPO, to: "locale/id.po")
        try project.write(badXLIFF, to: "app.id.xlf")
        let files = try project.run(["check", "locale/id.po", "app.id.xlf"])
        #expect(Set(Self.findings(files.stdout)) == Set(Self.findings(staged.stdout)))
    }

    @Test func stagedJSONIsCheckedOnlyWhenTheConfigurationNamesIt() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("{\"note\": \"TKI\"}\n", to: "data/id.json")
        try project.write("{\"greeting\": \"Seorang TKI datang.\"}\n", to: "locales/id.json")
        try project.git("add", ".")
        #expect(try project.run(["check", "--staged"]).stdout == "No findings in 0 files.\n")
        // Named as a path, a staged JSON file is read as one, as `check FILE` reads it.
        #expect(
            Self.findings(try project.run(["check", "--staged", "data/id.json"]).stdout) == ["data/id.json:1:11 deprecated-term"])
        try project.write("i18n-json: [\"locales/*.json\"]\n", to: ".glossary.yml")
        let configured = try project.run(["check", "--staged"])
        #expect(Self.findings(configured.stdout) == ["locales/id.json:1:23 deprecated-term"])
    }

    // MARK: Staged language versions

    static let versions = [
        "en": "The migrant worker left.\n\nThe International Labour Organization met.\n\nA migrant worker came back.\n",
        "id": "Pekerja migran berangkat.\n\nInternational Labour Organization bertemu.\n\nSeorang pekerja migran kembali.\n",
        "su": "Pagawé migran indit.\n\nInternational Labour Organization patepung.\n\nSaurang pagawé migran balik deui.\n",
    ]

    @Test func aStagedVersionIsComparedWithTheOthersIndexContent() throws {
        let project = try Self.project()
        defer { project.remove() }
        for (language, text) in Self.versions { try project.write(text, to: "docs/report.\(language).md") }
        try project.git("add", ".")
        try project.git("commit", "-qm", "three versions")
        // The Indonesian version drops the concept in its last paragraph and names it with a
        // deprecated term in the first.
        try project.write(
            "TKI berangkat.\n\nInternational Labour Organization bertemu.\n\nSeorang kembali.\n", to: "docs/report.id.md")
        try project.git("add", "docs/report.id.md")
        // An unstaged edit of the English version that would hide the divergence is not read.
        try project.write(
            "The migrant worker left.\n\nThe International Labour Organization met.\n\nSomeone came back.\n",
            to: "docs/report.en.md")
        let staged = try project.run(["check", "--staged"])
        #expect(staged.status == 1)
        #expect(
            Self.findings(staged.stdout) == [
                "docs/report.id.md:1:1 deprecated-term", "docs/report.id.md:5:1 missing-translation",
            ],
            "\(staged.stdout)")
        #expect(staged.stdout.hasSuffix("2 warnings in 1 file.\n"))
        // With --diff against HEAD, the same: both lines changed.
        let diff = try project.run(["check", "--staged", "--diff", "HEAD"])
        #expect(Self.findings(diff.stdout) == Self.findings(staged.stdout))
        // --no-parallel: no other version is read, so no cross-language finding.
        #expect(
            Self.findings(try project.run(["check", "--staged", "--no-parallel"]).stdout) == [
                "docs/report.id.md:1:1 deprecated-term"
            ])
    }

    // MARK: --diff

    @Test func diffReportsExactlyTheFindingsOfChangedLines() throws {
        let project = try Self.project()
        defer { project.remove() }
        // Old findings everywhere: they stay out of a --diff report.
        try project.write("The International Labor Organization met.\n\nMore text.\n", to: "notes.en.md")
        try project.write(Self.po([("A migrant worker.", "Seorang TKI.")]), to: "id.po")
        try project.write(Self.xliff([("A migrant worker.", "TKI.")]), to: "app.id.xlf")
        for (language, text) in Self.versions { try project.write(text, to: "docs/report.\(language).md") }
        try project.git("add", ".")
        try project.git("commit", "-qm", "base")
        try project.git("branch", "-M", "main")
        try project.git("checkout", "-qb", "topic")
        try project.write(
            "The International Labor Organization met.\n\nThe International Labor Organization left.\n", to: "notes.en.md")
        try project.write(Self.po([("A migrant worker.", "Seorang TKI."), ("Two migrant workers.", "Dua TKI.")]), to: "id.po")
        try project.write(
            Self.xliff([("A migrant worker.", "TKI."), ("One more migrant worker.", "Satu TKI lagi.")]), to: "app.id.xlf")
        try project.write(
            "Pekerja migran berangkat.\n\nInternational Labour Organization bertemu.\n\nSeorang kembali.\n",
            to: "docs/report.id.md")
        try project.git("commit", "-qam", "topic")

        let expected = [
            "app.id.xlf:11:22 deprecated-term", "docs/report.id.md:5:1 missing-translation", "id.po:9:13 deprecated-term",
            "notes.en.md:3:5 deprecated-term",
        ]
        let text = try project.run(["check", "--diff", "main"])
        #expect(text.status == 1)
        #expect(Self.findings(text.stdout).sorted() == expected, "\(text.stdout)")
        // Every format carries the same findings.
        let json = try project.run(["check", "--diff", "main", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let jsonFindings = (object?["findings"] as? [[String: Any]] ?? []).map {
            "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["rule"]!)"
        }
        #expect(jsonFindings.sorted() == expected)
        let github = try project.run(["check", "--diff", "main", "--format", "github"])
        #expect(github.stdout.split(separator: "\n").count == expected.count)
        let sarif = try project.run(["check", "--diff", "main", "--format", "sarif"])
        let runs =
            (try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]]
        #expect((runs?.first?["results"] as? [Any])?.count == expected.count)
        // A path restricts the report; the working tree's own edits count too.
        #expect(Self.findings(try project.run(["check", "--diff", "main", "docs"]).stdout) == [expected[1]])
        try project.write("The International Labor Organization met.\n\nMore text.\n", to: "notes.en.md")
        #expect(!Self.findings(try project.run(["check", "--diff", "main"]).stdout).contains(expected[3]))
        // Against the last commit only the working-tree edit changed, and its new line is clean.
        #expect(try project.run(["check", "--diff", "HEAD"]).stdout == "No findings in 1 file.\n")
    }

    @Test func aRevisionThatDoesNotExistExitsTwo() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Clean.\n", to: "a.md")
        try project.git("add", ".")
        try project.git("commit", "-qm", "first")
        let missing = try project.run(["check", "--diff", "no-such-branch"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: --diff: 'no-such-branch' is not a revision of this repository"))
        #expect(missing.stdout.isEmpty)
        #expect(try project.run(["check", "--diff", "HEAD", "-"]).status == 2)
        #expect(try project.run(["check", "--diff", "HEAD", "--fix"]).status == 2)
        let outside = try Project()
        defer { outside.remove() }
        let noRepository = try outside.run(["check", "--diff", "HEAD"])
        #expect(noRepository.status == 2)
        #expect(noRepository.stderr.contains("--diff needs a git repository"))
    }
}
