// Fuzz target: what the language server reads from its client. The bytes
// arrive in chunks of varying size (as pipes deliver them), are framed by
// `Content-Length` headers, and each body is parsed as JSON and classified as
// JSON-RPC; answers to invalid messages are built and serialized as the
// server sends them. None of it may crash, throw or buffer without bound.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "lsp/Framing.h"
#include "lsp/JsonRpc.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  jaws::lsp::FrameDecoder decoder;
  // Chunk sizes from a small generator seeded by the input's length, so one
  // input always arrives the same way.
  std::uint32_t state = static_cast<std::uint32_t>(size) * 2654435761u + 1;
  for (std::size_t at = 0; at < bytes.size();) {
    state = state * 1103515245u + 12345u;
    const std::size_t chunk = 1 + (state >> 16) % 97;
    decoder.feed(bytes.substr(at, chunk));
    at += chunk;
    jaws::lsp::Frame frame;
    while (decoder.next(frame)) {
      if (frame.kind != jaws::lsp::Frame::Kind::Message) continue;
      const jaws::lsp::Json message = jaws::lsp::Json::parse(frame.body, nullptr, false);
      if (message.is_discarded()) continue;
      const jaws::lsp::Incoming in = jaws::lsp::classify(message);
      if (in.kind == jaws::lsp::Incoming::Kind::Invalid) {
        (void)jaws::lsp::makeError(in.id, jaws::lsp::rpc::kInvalidRequest, in.problem)
            .dump(-1, ' ', false, jaws::lsp::Json::error_handler_t::replace);
      } else if (in.kind == jaws::lsp::Incoming::Kind::Request) {
        (void)jaws::lsp::makeResult(in.id, in.params).dump(-1, ' ', false, jaws::lsp::Json::error_handler_t::replace);
      }
    }
    if (decoder.buffered() > bytes.size()) {
      std::fprintf(stderr, "the decoder holds %zu bytes of a %zu-byte input\n", decoder.buffered(), bytes.size());
      std::abort();
    }
  }
  return 0;
}
