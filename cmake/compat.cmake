# compat.cmake: reading TABARI and PETRARCH-2 dictionaries (issue 4): the readers and converter in
# libhooft, 'hooft dict check/convert --tabari/--petrarch', their tests and the load benchmark.
# Include after the hooft and hooft-cli targets:
#   include(${CMAKE_SOURCE_DIR}/cmake/compat.cmake)

target_sources(hooft PRIVATE
  src/compat_model.c     # the neutral model; lines, codes, dates, pattern tokens, synsets
  src/compat_tabari.c    # TABARI .project, .actors, .agents, .verbs, .options
  src/compat_petrarch.c  # PETRARCH-2 verbs, actors, agents, discards, issues, config
  src/compat_convert.c   # the model as hooft's own dictionary files
  src/shallow_dict.c     # the model compiled for the shallow coder; TABARI options
  src/shallow.c)         # TABARI's shallow parse: coding English with those sets


add_executable(hooft-compat-bench bench/compat_bench.c)
target_compile_definitions(hooft-compat-bench PRIVATE HOOFT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(hooft-compat-bench PRIVATE hooft)
