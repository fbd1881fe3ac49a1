import Testing

@testable import GlossaryLanguageServer

/// The configuration's `source` reaches the editor as it reaches `glossary check`.
@Suite("Diagnostics: the configuration's source language")
struct SourceLanguageDiagnosticsTests {
    static let glossary = """
        concepts:
          - id: migrant-worker
            terms:
              en: [migrant worker]
              id: [pekerja migran]
              su: [pekerja migran]
          - id: labour-trafficking
            terms:
              en: [labour trafficking]
              id: [perdagangan tenaga kerja]
              su: [padagangan tanaga gawé]
        """

    /// One document in three language sections; only the English one names labour trafficking.
    static let document = """
        ILO melindungi pekerja migran di perbatasan dan juga di kota-kota besar yang jauh dari rumah mereka.

        Laporan itu sudah terbit pada tahun lalu dan dibaca oleh banyak orang di desa.

        The ILO protects migrant workers at the border and also in the big cities that are far from their homes.

        The report on labour trafficking came out last year and was read by many people in the villages.

        ILO ngajaga pekerja migran di wates jeung ogé di kota-kota gedé anu jauh ti imah maranéhna.

        Laporan éta geus medal taun kamari sarta dibaca ku loba jalma di désa.

        """

    /// Each diagnostic's rule and severity.
    static func diagnostics(configuration: String?) throws -> (found: [String], shown: Int) {
        let workspace = try TestWorkspace(glossary: glossary, configuration: configuration)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(workspace.uri("abstract.md"), document)
        while session.server.hasStaleDiagnostics { session.server.publishNextDiagnostics() }
        let sent = session.takeSent()
        let shown = sent.filter { if case .notification("window/showMessage", _) = $0 { true } else { false } }.count
        let published = sent.compactMap {
            if case let .notification("textDocument/publishDiagnostics", params) = $0 { params } else { nil }
        }
        let found = published.flatMap { $0["diagnostics"]?.arrayValue ?? [] }.map { diagnostic in
            "\(diagnostic["code"]?.stringValue ?? "-") \(diagnostic["severity"]?.integerValue ?? 0)"
        }
        return (found, shown)
    }

    @Test func theSourceMakesTheSectionsDirected() throws {
        let free = try Self.diagnostics(configuration: nil)
        #expect(
            free.found.filter { $0.hasPrefix("divergent-term") } == ["divergent-term 3", "divergent-term 3"], "\(free.found)")
        #expect(!free.found.contains { $0.hasPrefix("missing-translation") })
        let directed = try Self.diagnostics(configuration: "source: en\n")
        #expect(
            directed.found.filter { $0.hasPrefix("missing-translation") } == ["missing-translation 2", "missing-translation 2"],
            "\(directed.found)")
        #expect(!directed.found.contains { $0.hasPrefix("divergent-term") })
    }

    @Test func aSourceOutsideTheGlossaryIsShownAndNothingIsChecked() throws {
        let result = try Self.diagnostics(configuration: "source: fr\n")
        #expect(result.shown == 1)
        #expect(result.found.isEmpty, "\(result.found)")
    }
}
