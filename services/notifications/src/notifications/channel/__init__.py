"""Delivery channels of the notifications service: the message texts (Jinja templates, one per event type), e-mail
over SMTP and signed webhooks. No database here: the engine decides who gets what and records the outcome."""
