using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Runtime.Messaging;

/// <summary>
/// The calls awaiting a response, in striped intrusive lists so that adding and removing one allocates nothing and
/// rarely contends. A sweep fails the ones past their deadline.
/// </summary>
internal sealed class PendingRequestList
{
    private readonly Stripe[] stripes;

    public PendingRequestList()
    {
        stripes = new Stripe[Math.Max(4, Environment.ProcessorCount * 4)];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new Stripe();
        }
    }

    public void Add(ResponseRequest request, long deadline)
    {
        request.Deadline = deadline;
        stripes[(uint)Environment.CurrentManagedThreadId % (uint)stripes.Length].Add(request);
    }

    /// <summary>Fails every request whose deadline is before <paramref name="now"/>.</summary>
    public void Sweep(long now, Func<ResponseRequest, Exception> timeout)
    {
        foreach (var stripe in stripes)
        {
            foreach (var expired in stripe.TakeExpired(now))
            {
                expired.Fail(timeout(expired));
            }
        }
    }

    private sealed class Stripe : IPendingRequestList
    {
        private readonly Lock gate = new();
        private ResponseRequest? first;

        public void Add(ResponseRequest request)
        {
            lock (gate)
            {
                request.PendingList = this;
                request.PendingPrevious = null;
                request.PendingNext = first;
                if (first is not null)
                {
                    first.PendingPrevious = request;
                }

                first = request;
            }
        }

        public void Remove(ResponseRequest request)
        {
            lock (gate)
            {
                if (request.PendingList != this)
                {
                    return;
                }

                Unlink(request);
            }
        }

        public List<ResponseRequest> TakeExpired(long now)
        {
            var expired = new List<ResponseRequest>();
            lock (gate)
            {
                for (var request = first; request is not null;)
                {
                    var next = request.PendingNext;
                    if (request.Deadline <= now)
                    {
                        Unlink(request);
                        expired.Add(request);
                    }

                    request = next;
                }
            }

            return expired;
        }

        private void Unlink(ResponseRequest request)
        {
            if (request.PendingPrevious is null)
            {
                first = request.PendingNext;
            }
            else
            {
                request.PendingPrevious.PendingNext = request.PendingNext;
            }

            if (request.PendingNext is not null)
            {
                request.PendingNext.PendingPrevious = request.PendingPrevious;
            }

            request.PendingList = null;
            request.PendingPrevious = null;
            request.PendingNext = null;
        }
    }
}
