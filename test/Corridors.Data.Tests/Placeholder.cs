namespace Corridors.Tests;
