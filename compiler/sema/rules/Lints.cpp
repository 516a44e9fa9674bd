// The lints (JW5xxx) other than the handler lint: declarations nothing uses,
// functions nothing invokes (once per program), and per target, IAM
// statements that grant everything and secrets written as literals.
#include <algorithm>
#include <cctype>
#include <set>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

struct SpanKey {
  FileId file;
  std::uint32_t begin, end;
  friend auto operator<=>(const SpanKey&, const SpanKey&) = default;
};
SpanKey keyOf(Span s) { return {s.file, s.begin, s.end}; }

// Symbols something refers to. Excluded: a declaration's own name, a stage
// key that sets a param (setting is not using), and a type's references to
// itself (`type Tree { children: Tree[] }`).
std::set<const Symbol*> usedSymbols(const Program& program) {
  std::set<SpanKey> settings;
  for (const auto* stage : program.stages) {
    for (const auto& a : stage->attributes) settings.insert(keyOf(a.key.span));
  }
  std::set<const Symbol*> used;
  for (const Reference& r : program.references()) {
    const ast::Decl* decl = r.symbol->decl;
    if (decl == nullptr || r.span == decl->name.span || settings.count(keyOf(r.span))) continue;
    if (r.symbol->kind == SymbolKind::Type && r.span.file == decl->span.file && decl->span.contains(r.span.begin)) continue;
    used.insert(r.symbol);
  }
  return used;
}

// A `schedule` or `events` invokes the function, in some target.
bool scheduled(const ast::FunctionDecl& f, const std::vector<model::Stack>& stacks) {
  for (const auto& stack : stacks) {
    for (const auto& fn : stack.functions) {
      if (fn.name == f.name.text && (!fn.schedules.empty() || !fn.events.empty())) return true;
      if (fn.name == f.name.text && fn.url) return true;  // its function URL invokes it
      // `async` or `deadLetter`: it is meant to be invoked asynchronously, by a caller outside the project.
      if (fn.name == f.name.text && (fn.options.async || fn.options.deadLetter)) return true;
    }
  }
  return stacks.empty() && (findAttribute(f, "schedule") != nullptr || findAttribute(f, "events") != nullptr ||
                            findAttribute(f, "url") != nullptr || findAttribute(f, "async") != nullptr ||
                            findAttribute(f, "deadLetter") != nullptr);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool looksSecret(const StackRuleContext& c, const std::string& name) {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
  for (const auto& suffix : c.aws.secretReferenceSuffixes()) {
    if (endsWith(upper, suffix)) return false;
  }
  return std::any_of(c.aws.secretMarkers().begin(), c.aws.secretMarkers().end(),
                     [&](const std::string& marker) { return contains(upper, marker); });
}

}  // namespace

void checkProgramLints(const Program& program, const std::vector<model::Stack>& stacks, Diagnostics& out) {
  // The part of the program that is missing may use any declaration.
  if (program.incomplete) return;
  const std::set<const Symbol*> used = usedSymbols(program);
  auto unused = [&](const ast::Decl* decl) {
    const Symbol* s = program.symbolOf(decl);
    return s != nullptr && !used.count(s);
  };
  // A declaration the parser could not finish (`let y = = 2`) has its error
  // already; calling it unused as well would only add noise.
  for (const auto* p : program.params) {
    if (unused(p) && p->type->kind != ast::TypeKind::Error) out.push_back(diag::UnusedParam(p->name.span, p->name.text));
  }
  for (const auto* l : program.lets) {
    if (unused(l) && l->value->kind != ast::ExprKind::Error) out.push_back(diag::UnusedLet(l->name.span, l->name.text));
  }
  for (const auto* t : program.types) {
    if (unused(t)) out.push_back(diag::UnusedType(t->name.span, t->name.text));
  }
  for (const auto* f : program.functions) {
    if (unused(f) && !scheduled(*f, stacks)) out.push_back(diag::FunctionNeverInvoked(f->name.span, f->name.text).withHelp(note::InvokeIt()));
  }
}

void checkStackLints(const StackRuleContext& c) {
  forEachFunction(c, [&](const model::Function& f) {
    for (const auto& permission : f.permissions) {
      for (const auto& action : permission.actions) {
        if (action == "*" || endsWith(action, ":*")) c.out.push_back(diag::WildcardIamAction(spanOr(permission.span, f.span), action));
      }
      for (const auto& resource : permission.resources) {
        if (resource.kind == K::String && resource.string == "*") {
          c.out.push_back(diag::WildcardIamResource(spanOr(resource.origin, spanOr(permission.span, f.span))));
        }
      }
    }
    const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
    for (const auto& [name, value] : f.environment) {
      if (value.kind != K::String || value.string.empty() || !looksSecret(c, name)) continue;
      c.out.push_back(diag::SecretInPlainEnvironment(spanOr(inheritedKeySpan(c, decl, "env", name), spanOr(value.origin, f.span)), name)
                          .withHelp(note::ValueInSsm()));
    }
  });
}

}  // namespace jaws::sema
