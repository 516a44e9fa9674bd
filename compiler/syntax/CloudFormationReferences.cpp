#include "syntax/CloudFormationReferences.h"

#include "JawsLexer.h"
#include "diag/Builders.h"

namespace jaws::syntax {

namespace {

using L = jaws::grammar::JawsLexer;

// The pseudo parameters Jaws has a builtin for.
const char* builtinFor(std::string_view reference) {
  if (reference == "AWS::Region") return "region";
  if (reference == "AWS::AccountId") return "account";
  return nullptr;
}

// The index of the INTERP_END that closes `${A::B...}` starting at `start`
// (an INTERP_START), or 0 when the tokens in between are not a name, then
// one or more `::` and a name, with nothing (a comment) between them.
std::size_t referenceEnd(const std::vector<std::unique_ptr<antlr4::Token>>& tokens, std::size_t start) {
  std::size_t i = start + 1;
  auto is = [&](std::size_t k, size_t type) { return k < tokens.size() && tokens[k]->getType() == type; };
  if (!is(i, L::ID)) return 0;
  ++i;
  bool sawSeparator = false;
  while (is(i, L::COLON) && is(i + 1, L::COLON) && is(i + 2, L::ID)) {
    sawSeparator = true;
    i += 3;
  }
  return sawSeparator && is(i, L::INTERP_END) ? i : 0;
}

}  // namespace

void replaceCloudFormationReferences(const SourceFile& file, std::vector<std::unique_ptr<antlr4::Token>>& tokens,
                                     Diagnostics& out) {
  auto found = [&](std::size_t i) { return tokens[i]->getType() == L::INTERP_START ? referenceEnd(tokens, i) : 0; };
  std::size_t first = 0;
  while (first < tokens.size() && found(first) == 0) ++first;
  if (first == tokens.size()) return;  // the usual case: nothing to replace, nothing copied
  std::vector<std::unique_ptr<antlr4::Token>> kept;
  kept.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t end = i < first ? 0 : found(i);
    if (end == 0) {
      kept.push_back(std::move(tokens[i]));
      continue;
    }
    const auto begin = static_cast<std::uint32_t>(tokens[i]->getStartIndex());
    const auto stop = static_cast<std::uint32_t>(tokens[end]->getStopIndex());
    const Span whole{file.id(), begin, stop + 1};
    const std::string_view written = file.slice(whole);
    std::string reference;
    for (std::size_t k = i + 1; k < end; ++k) reference += tokens[k]->getText();
    Diagnostic d = diag::CloudFormationReference(whole, reference);
    if (const char* builtin = builtinFor(reference)) {
      const std::string replacement = std::string("${") + builtin + "}";
      d.withHelp(note::UseBuiltin(builtin)).withFix(note::ReplaceWith(replacement), whole, replacement);
    } else {
      d.withHelp(note::KeepTextLiteral()).withFix(note::ReplaceWith("\\" + std::string(written)), Span{file.id(), begin, begin}, "\\");
    }
    out.push_back(std::move(d));
    // One piece of string text in place of the interpolation's tokens.
    auto text = std::make_unique<antlr4::CommonToken>(tokens[i].get());
    text->setType(L::STRING_TEXT);
    text->setStopIndex(stop);
    text->setText(std::string(written));
    kept.push_back(std::move(text));
    i = end;
  }
  tokens = std::move(kept);
}

}  // namespace jaws::syntax
