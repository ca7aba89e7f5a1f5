"""The questionnaire on the web (issue 24): a phone-friendly form over the same answers and checks as the chat,
reached as a Telegram Mini App or by a signed link; the supervisor's progress page and files.
``server.py`` assembles the aiohttp application, ``routes.py``/``pages.py`` speak HTTP, ``auth.py`` decides who
is asking, ``service.py`` is the one module that touches the questionnaire, ``views.py`` renders."""
