"""Development tools shipped with the bot because `baocao demo` needs them: the Bot API stand-in
(``fakeapi``) and the scripted demonstration (``demo``). No handler imports them; the tests and benchmarks do."""
