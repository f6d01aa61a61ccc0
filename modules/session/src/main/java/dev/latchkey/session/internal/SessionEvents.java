package dev.latchkey.session.internal;

import dev.latchkey.session.events.NewDeviceLogin;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionLimitReached;
import dev.latchkey.session.events.SessionStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** The events the session module publishes, fired synchronously. */
@ApplicationScoped
class SessionEvents {

    private Event<SessionStarted> started;
    private Event<SessionEnded> ended;
    private Event<SessionLimitReached> limitReached;
    private Event<NewDeviceLogin> newDevice;

    @Inject
    SessionEvents(Event<SessionStarted> started, Event<SessionEnded> ended, Event<SessionLimitReached> limitReached,
                  Event<NewDeviceLogin> newDevice) {
        this.started = started;
        this.ended = ended;
        this.limitReached = limitReached;
        this.newDevice = newDevice;
    }

    /** For CDI's client proxy only. */
    SessionEvents() {
    }

    void started(SessionStarted event) {
        started.fire(event);
    }

    void ended(SessionEnded event) {
        ended.fire(event);
    }

    void limitReached(SessionLimitReached event) {
        limitReached.fire(event);
    }

    void newDevice(NewDeviceLogin event) {
        newDevice.fire(event);
    }
}
