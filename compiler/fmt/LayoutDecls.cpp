// Declarations: a head (decorators, keyword, name) and what the kind takes
// after it.
#include <algorithm>

#include "fmt/Layout.h"

namespace jaws::formatter {


Doc Layout::import(const ast::ImportDecl& decl) {
  return concat({token("import", decl.span.begin, decl.span.begin + 6), text(" "), source(decl.pathSpan)});
}

Doc Layout::decorator(const ast::Decorator& d) {
  DocBuilder out;
  out += token("@", d.span.begin, d.span.begin + 1);
  out += source(d.name.span);
  if (d.hasParens) out += arguments(d.args, comments_.find(d.name.span.end, '('), d.span.end - 1);
  return out.build();
}

Doc Layout::decorators(const std::vector<ast::Decorator>& list) {
  DocBuilder out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    // One line for all, unless the source broke the line between two: a
    // resource's options (`@deletionPolicy(...)` above `@dependsOn(...)`) read
    // best one per line.
    if (i > 0) out += comments_.hasLineBreak(list[i - 1].span.end, list[i].span.begin) ? hardLine() : text(" ");
    out += decorator(list[i]);
  }
  return out.build();
}

Doc Layout::trailingDecorators(const std::vector<ast::Decorator>& list) {
  if (list.empty()) return nothing();
  DocBuilder out;
  for (const auto& d : list) {
    out += line();
    out += decorator(d);
  }
  return group(indent(out.build()));
}

Doc Layout::declarationHead(const ast::Decl& decl) {
  DocBuilder out;
  if (!decl.decorators.empty()) {
    out += decorators(decl.decorators);
    // Decorators stay on the keyword's line, or on a line of their own when
    // the source put them there.
    const bool ownLine = comments_.hasLineBreak(decl.decorators.back().span.end, decl.keywordSpan.begin);
    out += ownLine ? hardLine() : text(" ");
  }
  out += source(decl.keywordSpan);
  out += " ";
  out += source(decl.name.span);
  return out.build();
}

Doc Layout::declaration(const ast::Decl& decl) {
  DocBuilder out;
  out += declarationHead(decl);
  switch (decl.kind) {
    case ast::DeclKind::Project:
    case ast::DeclKind::Stage:
    case ast::DeclKind::Function: {
      const auto& block = static_cast<const ast::BlockDecl&>(decl);
      std::vector<const ast::Attribute*> attributes;
      for (const auto& a : block.attributes) attributes.push_back(&a);
      out += " ";
      out += blockBody(block.bodySpan, attributes);
      break;
    }
    case ast::DeclKind::Resource: {
      const auto& resource = static_cast<const ast::ResourceDecl&>(decl);
      std::vector<const ast::Attribute*> attributes;
      for (const auto& a : resource.attributes) attributes.push_back(&a);
      out += ": ";
      out += source(resource.resourceTypeSpan);
      out += " ";
      out += blockBody(resource.bodySpan, attributes);
      break;
    }
    case ast::DeclKind::Api:
      out += " ";
      out += apiBody(static_cast<const ast::ApiDecl&>(decl));
      break;
    case ast::DeclKind::Param: {
      const auto& param = static_cast<const ast::ParamDecl&>(decl);
      out += ": ";
      out += type(*param.type);
      if (param.defaultValue) {
        out += " = ";
        out += expr(*param.defaultValue);
      }
      break;
    }
    case ast::DeclKind::Let:
      out += " = ";
      out += expr(*static_cast<const ast::LetDecl&>(decl).value);
      break;
    case ast::DeclKind::Output:
      out += " = ";
      out += expr(*static_cast<const ast::OutputDecl&>(decl).value);
      break;
    case ast::DeclKind::Type: {
      const auto& t = static_cast<const ast::TypeDecl&>(decl);
      out += t.isAlias ? " = " : " ";
      out += type(*t.type);
      break;
    }
  }
  return out.build();
}

Doc Layout::blockBody(Span body, const std::vector<const ast::Attribute*>& attributes) {
  std::vector<Span> spans;
  for (const ast::Attribute* a : attributes) spans.push_back(a->span);
  return block(body, spans, [&](std::size_t i, Member& m) { m.attribute = attributeParts(*attributes[i]); });
}

Doc Layout::apiBody(const ast::ApiDecl& api) {
  // Attributes and routes in source order.
  struct Entry {
    Span span;
    const ast::Attribute* attribute;
    const ast::Route* route;
  };
  std::vector<Entry> entries;
  for (const auto& a : api.attributes) entries.push_back({a.span, &a, nullptr});
  for (const auto& r : api.routes) entries.push_back({r.span, nullptr, &r});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.span.begin < b.span.begin; });
  std::vector<Span> spans;
  for (const Entry& e : entries) spans.push_back(e.span);
  return block(api.bodySpan, spans, [&](std::size_t i, Member& m) {
    if (entries[i].attribute) {
      m.attribute = attributeParts(*entries[i].attribute);
    } else {
      m.route = routeParts(*entries[i].route);
    }
  });
}

}  // namespace jaws::formatter
