// Reads the form AstBinaryWriter.cpp writes (AstBinary.h). Every read is
// bounds-checked and every kind byte range-checked: bytes that are not a
// well-formed encoding give null, never a crash or a half-built tree.
#include <cstring>

#include "syntax/AstBinary.h"
#include "syntax/AstBinaryTags.h"

namespace jaws::ast {

namespace {

// Deeper than any tree the parser builds (its nesting limit is far lower).
constexpr int kMaxDepth = 4096;

class Reader {
 public:
  Reader(std::string_view bytes, FileId file, std::int64_t shift) : bytes_(bytes), file_(file), shift_(shift) {}

  std::unique_ptr<SourceUnit> run() {
    auto unit = std::make_unique<SourceUnit>();
    unit->file = file_;
    if (count() != kAstBinaryVersion) return nullptr;
    unit->imports.resize(length());
    for (auto& import : unit->imports) {
      import.path = text();
      import.interpolated = flag();
      import.pathSpan = span();
      import.span = span();
    }
    unit->decls.resize(length());
    for (auto& d : unit->decls) d = decl();
    unit->comments.resize(length());
    for (auto& c : unit->comments) {
      c.kind = kind<Comment::Kind>(Comment::Kind::Doc);
      c.span = span();
    }
    unit->complete = flag();
    if (failed_ || at_ != bytes_.size()) return nullptr;
    return unit;
  }

 private:
  bool fail() {
    failed_ = true;
    at_ = bytes_.size();  // every later read fails fast
    return false;
  }
  std::uint8_t byte() {
    if (at_ >= bytes_.size()) return fail(), 0;
    return static_cast<std::uint8_t>(bytes_[at_++]);
  }
  bool flag() {
    const std::uint8_t b = byte();
    if (b > 1) fail();
    return b == 1;
  }
  std::uint64_t count() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail(), 0;
  }
  // A number of elements to follow: each takes a byte at least, so more than
  // the bytes left is corrupt (and never allocated).
  std::size_t length() {
    const std::uint64_t n = count();
    if (n > bytes_.size() - at_) return fail(), 0;
    return static_cast<std::size_t>(n);
  }
  std::uint32_t offset() {
    const std::uint64_t v = count();
    if (v > UINT32_MAX) return fail(), 0;
    return static_cast<std::uint32_t>(v);
  }
  std::int64_t integer() {
    const std::uint64_t v = count();
    return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  double decimal() {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(byte()) << (8 * i);
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string text() {
    const std::size_t n = length();
    std::string s(bytes_.substr(at_, n));
    at_ += n;
    return s;
  }
  Span span() {
    const bool inFile = flag();
    std::uint32_t begin = offset();
    std::uint32_t end = offset();
    // The empty span at the file's start stands for "no position" (a part
    // that is absent): it does not move.
    if (inFile && shift_ != 0 && (begin != 0 || end != 0)) {
      const std::int64_t movedBegin = begin + shift_, movedEnd = end + shift_;
      if (movedBegin < 0 || movedEnd > UINT32_MAX) return fail(), Span{};
      begin = static_cast<std::uint32_t>(movedBegin);
      end = static_cast<std::uint32_t>(movedEnd);
    }
    return Span{inFile ? file_ : kNoFile, begin, end};
  }
  template <typename Enum>
  Enum kind(Enum last) {
    const std::uint8_t b = byte();
    if (b > static_cast<std::uint8_t>(last)) fail();
    return static_cast<Enum>(b);
  }
  Identifier identifier() {
    Identifier id;
    id.text = text();
    id.span = span();
    return id;
  }
  std::vector<Decorator> decorators() {
    std::vector<Decorator> list(length());
    for (auto& d : list) {
      d.name = identifier();
      d.args = exprs();
      d.hasParens = flag();
      d.span = span();
    }
    return list;
  }
  std::vector<Attribute> attributes() {
    std::vector<Attribute> list(length());
    for (auto& a : list) {
      a.key = identifier();
      a.quotedKey = flag();
      a.value = expr();
      a.doc = text();
      a.span = span();
    }
    return list;
  }
  std::vector<ExprPtr> exprs() {
    std::vector<ExprPtr> list(length());
    for (auto& e : list) e = expr();
    return list;
  }
  std::vector<TypePtr> types() {
    std::vector<TypePtr> list(length());
    for (auto& t : list) t = type();
    return list;
  }

  // Guards the recursion of expr() and type() against corrupt nesting.
  struct Depth {
    explicit Depth(Reader& r) : reader(r) {
      if (++reader.depth_ > kMaxDepth) reader.fail();
    }
    ~Depth() { --reader.depth_; }
    Reader& reader;
  };

  ExprPtr expr() {
    const Depth depth(*this);
    const std::uint8_t tag = byte();
    if (tag == kAbsent || failed_) return nullptr;
    if (tag > static_cast<std::uint8_t>(ExprKind::Paren)) return fail(), nullptr;
    const Span s = span();
    switch (static_cast<ExprKind>(tag)) {
      case ExprKind::Error: return std::make_unique<ErrorExpr>(s);
      case ExprKind::Null: return std::make_unique<NullLiteral>(s);
      case ExprKind::Int: return std::make_unique<IntLiteral>(s, integer());
      case ExprKind::Decimal: return std::make_unique<DecimalLiteral>(s, decimal());
      case ExprKind::Size: return std::make_unique<SizeLiteral>(s, integer());
      case ExprKind::Duration: return std::make_unique<DurationLiteral>(s, integer());
      case ExprKind::Bool: return std::make_unique<BoolLiteral>(s, flag());
      case ExprKind::String: {
        auto str = std::make_unique<StringLiteral>(s);
        str->terminated = flag();
        str->parts.resize(length());
        for (auto& part : str->parts) {
          part.text = text();
          part.expr = expr();
          part.span = span();
        }
        return str;
      }
      case ExprKind::List: {
        auto list = std::make_unique<ListLiteral>(s);
        list->items = exprs();
        return list;
      }
      case ExprKind::Object: {
        auto object = std::make_unique<ObjectLiteral>(s);
        object->entries.resize(length());
        for (auto& entry : object->entries) {
          entry.key = identifier();
          entry.quotedKey = flag();
          entry.value = expr();
          entry.span = span();
        }
        return object;
      }
      case ExprKind::Name: return std::make_unique<NameExpr>(s, identifier());
      case ExprKind::Member: {
        ExprPtr object = expr();
        return std::make_unique<MemberExpr>(s, std::move(object), identifier());
      }
      case ExprKind::Call: {
        auto call = std::make_unique<CallExpr>(s, expr());
        call->args = exprs();
        return call;
      }
      case ExprKind::Not: return std::make_unique<NotExpr>(s, expr());
      case ExprKind::Binary: {
        const BinaryOp op = kind<BinaryOp>(BinaryOp::Or);
        ExprPtr lhs = expr();
        return std::make_unique<BinaryExpr>(s, op, std::move(lhs), expr());
      }
      case ExprKind::Conditional: {
        ExprPtr condition = expr();
        ExprPtr whenTrue = expr();
        return std::make_unique<ConditionalExpr>(s, std::move(condition), std::move(whenTrue), expr());
      }
      case ExprKind::Paren: return std::make_unique<ParenExpr>(s, expr());
    }
    return fail(), nullptr;
  }

  TypePtr type() {
    const Depth depth(*this);
    const std::uint8_t tag = byte();
    if (tag == kAbsent || failed_) return nullptr;
    if (tag > static_cast<std::uint8_t>(TypeKind::Paren)) return fail(), nullptr;
    const Span s = span();
    switch (static_cast<TypeKind>(tag)) {
      case TypeKind::Error: return std::make_unique<ErrorType>(s);
      case TypeKind::Named: {
        auto named = std::make_unique<NamedType>(s, identifier());
        named->args = types();
        named->hasArgs = flag();
        return named;
      }
      case TypeKind::StringLiteral: return std::make_unique<StringLiteralType>(s, text());
      case TypeKind::IntLiteral: return std::make_unique<IntLiteralType>(s, integer());
      case TypeKind::BoolLiteral: return std::make_unique<BoolLiteralType>(s, flag());
      case TypeKind::Union: {
        auto u = std::make_unique<UnionType>(s);
        u->members = types();
        return u;
      }
      case TypeKind::List: return std::make_unique<ListType>(s, type());
      case TypeKind::Paren: return std::make_unique<ParenType>(s, type());
      case TypeKind::Record: {
        auto record = std::make_unique<RecordType>(s);
        record->fields.resize(length());
        for (auto& f : record->fields) {
          f.name = identifier();
          f.optional = flag();
          f.type = type();
          f.defaultValue = expr();
          f.decorators = decorators();
          f.doc = text();
          f.span = span();
        }
        return record;
      }
    }
    return fail(), nullptr;
  }

  Route route() {
    Route r;
    r.decorators = decorators();
    r.doc = text();
    if (const std::uint8_t method = byte(); method != kAbsent) {
      if (method > static_cast<std::uint8_t>(HttpMethod::Any)) fail();
      r.method = static_cast<HttpMethod>(method);
    }
    r.methodName = identifier();
    r.path.text = text();
    r.path.segments.resize(length());
    for (auto& seg : r.path.segments) {
      seg.kind = kind<PathSegment::Kind>(PathSegment::Kind::Greedy);
      seg.text = text();
      seg.span = span();
    }
    r.path.span = span();
    r.path.valid = flag();
    r.target = identifier();
    r.parameters.resize(length());
    for (auto& p : r.parameters) {
      p.where = kind<ParamLocation>(ParamLocation::Header);
      p.name = identifier();
      p.optional = flag();
      p.type = type();
      p.decorators = decorators();
      p.doc = text();
      p.span = span();
    }
    r.bodies.resize(length());
    for (auto& b : r.bodies) {
      b.type = type();
      b.decorators = decorators();
      b.span = span();
    }
    r.responses.resize(length());
    for (auto& response : r.responses) {
      if (flag()) response.status = static_cast<int>(integer());
      response.statusSpan = span();
      response.type = type();
      response.decorators = decorators();
      response.doc = text();
      response.span = span();
    }
    r.attributes = attributes();
    r.hasBraces = flag();
    r.span = span();
    return r;
  }

  static DeclPtr newDecl(DeclKind kind) {
    switch (kind) {
      case DeclKind::Project: return std::make_unique<ProjectDecl>();
      case DeclKind::Param: return std::make_unique<ParamDecl>();
      case DeclKind::Let: return std::make_unique<LetDecl>();
      case DeclKind::Stage: return std::make_unique<StageDecl>();
      case DeclKind::Type: return std::make_unique<TypeDecl>();
      case DeclKind::Function: return std::make_unique<FunctionDecl>();
      case DeclKind::Api: return std::make_unique<ApiDecl>();
      case DeclKind::Resource: return std::make_unique<ResourceDecl>();
      case DeclKind::Output: return std::make_unique<OutputDecl>();
    }
    return nullptr;
  }

  DeclPtr decl() {
    const DeclKind k = kind<DeclKind>(DeclKind::Output);
    if (failed_) return nullptr;
    DeclPtr d = newDecl(k);
    d->name = identifier();
    d->decorators = decorators();
    d->doc = text();
    d->span = span();
    d->keywordSpan = span();
    switch (k) {
      case DeclKind::Project:
      case DeclKind::Stage:
      case DeclKind::Function:
      case DeclKind::Api:
      case DeclKind::Resource: {
        auto& block = static_cast<BlockDecl&>(*d);
        block.attributes = attributes();
        block.bodySpan = span();
        if (k == DeclKind::Api) {
          auto& routes = static_cast<ApiDecl&>(*d).routes;
          const std::size_t n = length();
          routes.reserve(n);
          for (std::size_t i = 0; i < n && !failed_; ++i) routes.push_back(route());
        } else if (k == DeclKind::Resource) {
          auto& resource = static_cast<ResourceDecl&>(*d);
          resource.resourceType = text();
          resource.resourceTypeSpan = span();
        }
        break;
      }
      case DeclKind::Param: {
        auto& p = static_cast<ParamDecl&>(*d);
        p.type = type();
        p.defaultValue = expr();
        break;
      }
      case DeclKind::Let: static_cast<LetDecl&>(*d).value = expr(); break;
      case DeclKind::Output: static_cast<OutputDecl&>(*d).value = expr(); break;
      case DeclKind::Type: {
        auto& t = static_cast<TypeDecl&>(*d);
        t.type = type();
        t.isAlias = flag();
        break;
      }
    }
    return d;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  FileId file_;
  std::int64_t shift_;
  bool failed_ = false;
  int depth_ = 0;
};

}  // namespace

std::unique_ptr<SourceUnit> readBinary(std::string_view bytes, FileId file, std::int64_t shift) {
  return Reader(bytes, file, shift).run();
}

}  // namespace jaws::ast
