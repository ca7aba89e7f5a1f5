"""A person's journey through a channel: the real Dispatcher with the fake Bot API, Zalo, the web form, the outbound layer, the scheduler."""
