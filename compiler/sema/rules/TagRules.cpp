// Tags as AWS accepts them: at most 50 per resource, keys of 1 to 128 and
// values of at most 256 characters from a restricted set, no `aws:` prefix.
// A stack's tags (project and stage) go on every resource; a function's own
// tags add to them.
#include <fmt/format.h>

#include <cctype>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

// Letters (any script: bytes of UTF-8 sequences pass), digits, spaces and
// `_ . : / = + - @` (Tagging AWS Resources, "Tag naming limits and requirements").
bool tagCharacters(std::string_view text) {
  for (unsigned char ch : text) {
    if (ch >= 0x80 || std::isalnum(ch) || ch == ' ') continue;
    if (std::string_view("_.:/=+-@").find(static_cast<char>(ch)) == std::string_view::npos) return false;
  }
  return true;
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;
  return n;
}

std::optional<NoteText> tagProblem(const StackRuleContext& c, const std::string& key, const std::string& value) {
  if (key.empty()) return note::TagKeyEmpty();
  if (auto limit = c.aws.limit("tagKeyLength"); limit && static_cast<std::int64_t>(characters(key)) > *limit) {
    return note::TagKeyLength(std::to_string(*limit));
  }
  if (auto limit = c.aws.limit("tagValueLength"); limit && static_cast<std::int64_t>(characters(value)) > *limit) {
    return note::TagValueLength(std::to_string(*limit));
  }
  if (key.size() >= 4 && std::tolower(static_cast<unsigned char>(key[0])) == 'a' &&
      std::tolower(static_cast<unsigned char>(key[1])) == 'w' && std::tolower(static_cast<unsigned char>(key[2])) == 's' &&
      key[3] == ':') {
    return note::TagReservedPrefix();
  }
  if (!tagCharacters(key) || !tagCharacters(value)) return note::TagCharacters();
  return std::nullopt;
}

Span tagsSpan(const ast::BlockDecl* block, Span fallback) {
  const ast::Attribute* a = block ? findAttribute(*block, "tags") : nullptr;
  return a ? a->key.span : fallback;
}

}  // namespace

void checkTagRules(const StackRuleContext& c) {
  const auto limit = c.aws.limit("tags");
  const ast::BlockDecl* stage = c.evaluator.stageDecl();
  const ast::BlockDecl* project = c.program.project;
  const std::size_t stackTags = c.stack.project.tags.size();
  if (limit && static_cast<std::int64_t>(stackTags) > *limit) {
    const Span at = tagsSpan(stage, tagsSpan(project, Span{}));
    c.out.push_back(diag::TooManyTags(at, fmt::format("the stack {}", c.stack.stackName), std::to_string(stackTags),
                                      std::to_string(*limit)));
  }
  for (const auto& [key, value] : c.stack.project.tags) {
    if (auto problem = tagProblem(c, key, value)) {
      c.out.push_back(diag::InvalidTag(inheritedKeySpan(c, nullptr, "tags", key), key).withHelp(*problem));
    }
  }
  forEachFunction(c, [&](const model::Function& f) {
    const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
    if (limit && static_cast<std::int64_t>(f.tags.size()) > *limit && static_cast<std::int64_t>(stackTags) <= *limit) {
      c.out.push_back(diag::TooManyTags(tagsSpan(decl, f.span), fmt::format("function `{}`", f.name), std::to_string(f.tags.size()),
                                        std::to_string(*limit)));
    }
    for (const auto& [key, value] : f.tags) {
      if (c.stack.project.tags.count(key) && c.stack.project.tags.at(key) == value) continue;  // checked above
      if (auto problem = tagProblem(c, key, value)) {
        c.out.push_back(diag::InvalidTag(spanOr(inheritedKeySpan(c, decl, "tags", key), f.span), key).withHelp(*problem));
      }
    }
  });
}

}  // namespace jaws::sema
