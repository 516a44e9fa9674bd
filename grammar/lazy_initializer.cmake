# The ANTLR 4 C++ target deserializes a recognizer's ATN in a static
# initializer, so every run of jaws paid for it, `jaws --version` included.
# This edits the generated file so the ATN is built when the first lexer or
# parser is constructed (a function-local static: once per process, thread-
# safe). Run by CMake after the tool with
#   -DFILE=<JawsLexer.cpp|JawsParser.cpp> -DCLASS=<JawsLexer|JawsParser> -DBASE=<Lexer|JawsParserBase>
file(READ ${FILE} text)
set(static_init "${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${static_init}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${FILE}: no '${static_init}' to make lazy (did the ANTLR tool change?)")
endif()
string(REPLACE "${static_init}" "// ${CLASS}::_init is built by the first constructor (lazy_initializer.cmake)." text "${text}")
string(REGEX MATCH "${CLASS}::${CLASS}\\([A-Za-z]+ \\*input\\) : ${BASE}\\(input\\) {" constructor "${text}")
if(constructor STREQUAL "")
  message(FATAL_ERROR "${FILE}: no constructor of ${CLASS} to initialize from")
endif()
string(REPLACE "${constructor}" "${constructor}\n  static const Initializer once;\n  (void)once;" text "${text}")

# The ATN is the ANTLR tool's own output, embedded at build time: checking its
# invariants again on every run (ATNDeserializationOptions' verifyATN, on by
# default) finds nothing and cost a twentieth of a one-function check.
set(deserializer "atn::ATNDeserializer deserializer;")
string(FIND "${text}" "${deserializer}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${FILE}: no '${deserializer}' to configure (did the ANTLR tool change?)")
endif()
string(REPLACE "${deserializer}"
  "atn::ATNDeserializationOptions options;\n  options.setVerifyATN(false);\n  atn::ATNDeserializer deserializer(options);"
  text "${text}")
file(WRITE ${FILE} "${text}")
