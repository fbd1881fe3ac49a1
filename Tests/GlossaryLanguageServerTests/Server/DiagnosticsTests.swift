import Testing

@testable import GlossaryLanguageServer

@Suite("Diagnostics from the checker")
struct DiagnosticsTests {
    static func diagnostics(_ params: JSONValue?) -> [JSONValue] {
        params?["diagnostics"]?.arrayValue ?? []
    }

    static func range(_ diagnostic: JSONValue) -> TextRange? {
        guard let range = diagnostic["range"] else { return nil }
        return try? TextRange(json: range, in: "range")
    }

    @Test(arguments: [(["utf-16"], 10, 13), (["utf-8", "utf-16"], 12, 15), (["utf-32"], 9, 12)])
    func placesTheFindingInTheNegotiatedEncoding(encodings: [String], start: Int, end: Int) throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(encodings: encodings, folders: [workspace])
        let uri = workspace.uri("laporan.id.md")
        session.open(uri, "# Judul\r\nBanyak 😀 TKI berangkat.\n")
        let published = session.publish()
        #expect(published.count == 1)
        let diagnostic = try #require(Self.diagnostics(published.first).first)
        #expect(Self.range(diagnostic) == TextRange(1, start, 1, end))
        #expect(diagnostic["code"] == "deprecated-term")
        #expect(diagnostic["source"] == "glossary")
        #expect(diagnostic["severity"] == 2)
        #expect(diagnostic["codeDescription"]?["href"]?.stringValue == GlossaryAdapter.rulesDocumentation)
        #expect(
            diagnostic["message"]?.stringValue?.hasPrefix(
                "'TKI' is deprecated for concept 'migrant-worker'; use 'pekerja migran'") == true)
        #expect(published.first?["version"] == 1)
        #expect(published.first?["uri"] == .string(uri))
    }

    @Test func theMessageSaysHowTheTermWasMatched() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("laporan.id.md"), "Para TKI-nya pulang.")
        let message = try #require(Self.diagnostics(session.publish().first).first?["message"]?.stringValue)
        #expect(message.contains("\nmatched 'TKI-nya' as 'TKI' + -nya"))
    }

    @Test func codeDescriptionOnlyForClientsThatShowIt() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(codeDescription: false, folders: [workspace])
        session.open(workspace.uri("laporan.id.md"), "Para TKI pulang.")
        let diagnostic = try #require(Self.diagnostics(session.publish().first).first)
        #expect(diagnostic["code"] == "deprecated-term")
        #expect(diagnostic["codeDescription"] == nil)
    }

    /// Edits arrive as ranges; the diagnostics follow the text, and a burst of edits is checked once.
    @Test func incrementalEditsMoveAddAndRemoveDiagnostics() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        let uri = workspace.uri("laporan.id.md")
        session.open(uri, "Para pekerja migran pulang.\r\nLalu mereka pergi.")
        #expect(Self.diagnostics(session.publish().first).isEmpty)

        // Replace "pekerja migran" by "TKI" on line 0, in two edits, then insert a line above.
        session.change(uri, version: 2, [(TextRange(0, 5, 0, 19), "T")])
        session.change(uri, version: 3, [(TextRange(0, 6, 0, 6), "KI"), (TextRange(0, 0, 0, 0), "😀\n")])
        let published = session.publish()
        #expect(published.count == 1)
        #expect(published.first?["version"] == 3)
        #expect(session.server.documents[uri]?.text.string == "😀\nPara TKI pulang.\r\nLalu mereka pergi.")
        let diagnostics = Self.diagnostics(published.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.flatMap(Self.range) == TextRange(1, 5, 1, 8))

        // Undo: the diagnostic goes.
        session.change(uri, version: 4, [(TextRange(1, 5, 1, 8), "pekerja migran")])
        let cleared = session.publish()
        #expect(cleared.first?["version"] == 4)
        #expect(Self.diagnostics(cleared.first).isEmpty)
    }

    @Test func closingADocumentClearsItsDiagnostics() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        let uri = workspace.uri("laporan.id.md")
        session.open(uri, "Para TKI pulang.")
        // Closed before its check ran: nothing is checked, and what it had is cleared.
        session.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        let sent = session.publish()
        #expect(sent.count == 1)
        #expect(sent.first?["uri"] == .string(uri))
        #expect(Self.diagnostics(sent.first).isEmpty)
        #expect(session.server.documents[uri] == nil)
    }

    @Test func onlyMarkdownAndPlainTextAreChecked() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("tool.id.py"), "# Para TKI pulang.", languageID: "python")
        session.open(workspace.uri("notes.id.txt"), "Para TKI pulang.", languageID: "plaintext")
        session.open(workspace.uri("unnamed.id.md"), "Para TKI pulang.", languageID: "some-other-id")
        // Zed may send its language names as ids.
        session.open(workspace.uri("zed.id.log"), "Para TKI pulang.", languageID: "Plain Text")
        session.open(workspace.uri("other.id.log"), "Para TKI pulang.", languageID: "log")
        let published = session.publish()
        #expect(
            Set(published.compactMap { $0["uri"]?.stringValue })
                == [workspace.uri("notes.id.txt"), workspace.uri("unnamed.id.md"), workspace.uri("zed.id.log")])
        #expect(published.allSatisfy { Self.diagnostics($0).count == 1 })
    }

    /// The configuration works as for `glossary check`: severities, rules turned off, excludes,
    /// languages by path.
    @Test func followsTheConfigurationOfTheWorkspace() throws {
        let workspace = try TestWorkspace(
            configuration: """
                languages:
                  "docs/id/**": id
                exclude:
                  - "drafts/**"
                rules:
                  deprecated-term: error
                """)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("docs/id/laporan.md"), "Para TKI pulang.")
        session.open(workspace.uri("drafts/laporan.id.md"), "Para TKI pulang.")
        let published = Dictionary(uniqueKeysWithValues: session.publish().map { ($0["uri"]?.stringValue ?? "", $0) })
        #expect(Self.diagnostics(published[workspace.uri("docs/id/laporan.md")]).first?["severity"] == 1)
        #expect(Self.diagnostics(published[workspace.uri("drafts/laporan.id.md")]).isEmpty)

        let off = try TestWorkspace(configuration: "rules:\n  deprecated-term: off\n")
        let second = TestSession()
        second.initialize(folders: [off])
        second.open(off.uri("laporan.id.md"), "Para TKI pulang.")
        #expect(Self.diagnostics(second.publish().first).isEmpty)
    }

    @Test func suppressionsAreObeyedAndABadOneIsShownWhereItIs() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("a.id.md"), "Para TKI pulang. <!-- glossary-ignore -->\n")
        #expect(Self.diagnostics(session.publish().first).isEmpty)
        let uri = workspace.uri("b.id.md")
        session.open(uri, "😀 TKI\nPara TKI pulang. <!-- glossary-ignore no-such-rule -->\n")
        let diagnostic = try #require(Self.diagnostics(session.publish().first).first)
        #expect(diagnostic["severity"] == 1)
        #expect(diagnostic["message"]?.stringValue?.contains("unknown rule 'no-such-rule'") == true)
        #expect(Self.range(diagnostic)?.start == Position(line: 1, character: 38))
    }

    /// Saving a glossary file reloads it and checks the open documents again.
    @Test func savingTheGlossaryChecksOpenDocumentsAgain() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [workspace])
        let uri = workspace.uri("report.en.md")
        session.open(uri, "The International Labour Organization met. Guest workers came.")
        #expect(Self.diagnostics(session.publish().first).isEmpty)
        try workspace.write(
            "glossary/terms.yml",
            TestWorkspace.glossary + """

                  - id: guest-worker
                    terms:
                      en:
                        - migrant worker
                        - term: guest worker
                          status: deprecated
                """)
        // Saving another file changes nothing.
        session.notify("textDocument/didSave", ["textDocument": ["uri": .string(workspace.uri("notes.md"))]])
        #expect(session.publish().isEmpty)
        session.notify("textDocument/didSave", ["textDocument": ["uri": .string(workspace.uri("glossary/terms.yml"))]])
        let diagnostics = Self.diagnostics(session.publish().first)
        #expect(diagnostics.map { $0["code"] } == ["deprecated-term"])
    }

    /// Each workspace folder has its own glossary; a document outside every folder uses the
    /// glossary found from its own folder.
    @Test func findsTheGlossaryPerWorkspaceFolder() throws {
        let withTerms = try TestWorkspace()
        let other = try TestWorkspace(
            glossary: """
                concepts:
                  - id: file
                    terms:
                      id:
                        - berkas
                        - term: fail
                          status: deprecated
                """)
        let outside = try TestWorkspace()
        let session = TestSession()
        session.initialize(folders: [withTerms, other])
        let text = "Para TKI menyimpan fail itu."
        session.open(withTerms.uri("a.id.md"), text)
        session.open(other.uri("a.id.md"), text)
        session.open(outside.uri("sub/a.id.md"), text)
        let published = Dictionary(
            uniqueKeysWithValues: session.publish().map { ($0["uri"]?.stringValue ?? "", Self.diagnostics($0)) })
        #expect(published[withTerms.uri("a.id.md")]?.compactMap { $0["message"]?.stringValue?.prefix(5) } == ["'TKI'"])
        #expect(published[other.uri("a.id.md")]?.compactMap { $0["message"]?.stringValue?.prefix(6) } == ["'fail'"])
        #expect(published[outside.uri("sub/a.id.md")]?.count == 1)
    }

    @Test func withoutAGlossaryTheUserIsToldOnce() throws {
        let workspace = try TestWorkspace(glossary: nil)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("a.id.md"), "Para TKI pulang.")
        session.open(workspace.uri("b.id.md"), "Para TKI pulang.")
        while session.server.hasStaleDiagnostics { session.server.publishNextDiagnostics() }
        let sent = session.takeSent()
        let shown = sent.filter { if case .notification("window/showMessage", _) = $0 { true } else { false } }
        #expect(shown.count == 1)
        let published = sent.compactMap {
            if case let .notification("textDocument/publishDiagnostics", params) = $0 { params } else { nil }
        }
        #expect(published.count == 2)
        #expect(published.allSatisfy { Self.diagnostics($0).isEmpty })
    }
}
