// Queue metrics as CloudWatch shows them for SQS, sampled once per virtual second while the
// queue holds messages: ApproximateNumberOfMessagesVisible / NotVisible (queue depth) and
// ApproximateAgeOfOldestMessage (in seconds, like the SQS metric). Engine extension, not a
// CloudWatch metric: ConcurrentBatchesAllowed, how many batches the mapping's pollers may run
// at once at that moment (F75: 5 at first, up to 300 more per minute while messages wait).
import type { SqsQueue } from './sqsQueue';
import type { SourceContext } from './types';

export class SqsQueueMetrics {
  private sampling = false;

  constructor(
    private readonly src: SourceContext,
    private readonly fn: string,
    private readonly queue: SqsQueue,
    private readonly batchesAllowed: () => number,
  ) {}

  /** Starts sampling at the next whole second if it is not running. */
  wake(): void {
    if (this.sampling) return;
    this.sampling = true;
    this.src.scheduleBackground(Math.floor(this.src.now() / 1000) * 1000 + 1000, () => this.sample());
  }

  private sample(): void {
    const now = this.src.now();
    const oldestMs = this.queue.oldestSentMs();
    this.src.recordSeries(this.fn, 'ApproximateNumberOfMessagesVisible', now, this.queue.visibleCount);
    this.src.recordSeries(this.fn, 'ApproximateNumberOfMessagesNotVisible', now, this.queue.inFlightCount);
    this.src.recordSeries(this.fn, 'ApproximateAgeOfOldestMessage', now, oldestMs < 0 ? 0 : Math.floor((now - oldestMs) / 1000));
    this.src.recordSeries(this.fn, 'ConcurrentBatchesAllowed', now, this.batchesAllowed());
    // Background: sampling never keeps a finished simulation alive; an empty queue stops it.
    if (oldestMs < 0) this.sampling = false;
    else this.src.scheduleBackground(now + 1000, () => this.sample());
  }
}
