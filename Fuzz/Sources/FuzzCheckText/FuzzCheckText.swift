import FuzzSupport
@_spi(Fuzzing) import GlossaryKit

/// The whole check of a text held in memory, bytes → `GlossaryChecker.check` with the fuzzing
/// glossary, as plain text or Markdown, with or without a language, in chunks of any size (the
/// first input byte says which: `CheckInput`).
///
/// Bytes that are not UTF-8 are refused at a bad byte. Otherwise every finding is positioned
/// consistently, and `--fix` is idempotent: the fixed text is valid, and fixing it again
/// changes nothing. (The findings may depend on the chunk size: a paragraph longer than four
/// chunks is cut at a line break, see `TextChunker.chunkEnd`.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = CheckInput(FuzzDriver.bytes(data, size)) else { return 0 }
    let positions = TextPositions(input.bytes)
    let checker = FuzzGlossary.checker
    let source: SourceText
    do {
        source = try SourceText(path: input.path, bytes: input.bytes)
    } catch {
        error.expectInside(positions, what: "check")
        return 0
    }
    do {
        let findings = try checker.check(source, options: input.options)
        Expect.consistent(findings, path: input.path, positions: positions, what: "check")
        // `--fix` as the tool runs it, in one chunk of the default size (inputs are smaller):
        // with small chunks, a fix that changes a paragraph's length moves the chunk boundaries
        // after it, and the findings there may change with them (see above).
        var asTheToolRuns = input.options
        asTheToolRuns.chunkSize = CheckOptions().chunkSize
        let wholeFindings =
            asTheToolRuns.chunkSize == input.options.chunkSize ? findings : try checker.check(source, options: asTheToolRuns)
        try expectIdempotentFix(source, findings: wholeFindings, options: asTheToolRuns)
    } catch {
        Invariant.fail("check: a UTF-8 text failed: \(error)")
    }
    return 0
}

/// Fixes `source` as `glossary check --fix` does, then checks and fixes the result again:
/// the second fix must change nothing.
func expectIdempotentFix(_ source: SourceText, findings: [Finding], options: CheckOptions) throws(TextError) {
    let checker = FuzzGlossary.checker
    let document = try checker.analyze(source, options: options)
    guard let fix = FuzzingEntryPoints.fix(source, findings: findings, document: document) else { return }
    let fixed: SourceText
    do {
        fixed = try SourceText(path: source.path, bytes: fix.fixed)
    } catch {
        Invariant.fail("fix: the fixed text is not UTF-8: \(error)")
    }
    let again = try checker.check(fixed, options: options)
    let second = FuzzingEntryPoints.fix(fixed, findings: again, document: try checker.analyze(fixed, options: options))
    if let second {
        let edits = second.edits.map {
            "\($0.rule) \($0.range) '\(fixed.text($0.range))' → '\(String(decoding: $0.replacement, as: UTF8.self))'"
        }
        Invariant.fail(
            "fix: a second fix changes the fixed text: \(edits.joined(separator: "; "))\nfixed text:\n\(String(decoding: fix.fixed, as: UTF8.self))"
        )
    }
}

@_cdecl("FuzzCheckText_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
